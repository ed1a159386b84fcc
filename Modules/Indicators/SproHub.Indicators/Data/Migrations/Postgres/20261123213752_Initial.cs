using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SproHub.Indicators.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicators_budgets",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Granted = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Paid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Spent = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_budgets", x => new { x.TerritoryId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "indicators_counts",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Delta = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_counts", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "indicators_dashboards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CorrectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CoordinatingStructure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedFigures = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_dashboards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "indicators_meetings",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    MeetingType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    InvitedStructures = table.Column<int>(type: "integer", nullable: false),
                    ParticipatingStructures = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_meetings", x => x.MeetingId);
                });

            migrationBuilder.CreateTable(
                name: "indicators_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LockedUntilTicks = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "indicators_totals",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_totals", x => new { x.TerritoryId, x.Code, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "indicators_approved_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DashboardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    CorrectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Figures = table.Column<string>(type: "text", nullable: false),
                    CoordinatingStructure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_approved_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicators_approved_versions_indicators_dashboards_Dashboar~",
                        column: x => x.DashboardId,
                        principalTable: "indicators_dashboards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicators_form_values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DashboardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators_form_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicators_form_values_indicators_dashboards_DashboardId",
                        column: x => x.DashboardId,
                        principalTable: "indicators_dashboards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicators_approved_versions_DashboardId_Number",
                table: "indicators_approved_versions",
                columns: new[] { "DashboardId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicators_counts_TerritoryId_Day_Code",
                table: "indicators_counts",
                columns: new[] { "TerritoryId", "Day", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_indicators_dashboards_TerritoryId_Year",
                table: "indicators_dashboards",
                columns: new[] { "TerritoryId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicators_form_values_DashboardId_Code_Dimension",
                table: "indicators_form_values",
                columns: new[] { "DashboardId", "Code", "Dimension" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicators_meetings_TerritoryId_Day",
                table: "indicators_meetings",
                columns: new[] { "TerritoryId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_indicators_outbox_ProcessedAt",
                table: "indicators_outbox",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicators_approved_versions");

            migrationBuilder.DropTable(
                name: "indicators_budgets");

            migrationBuilder.DropTable(
                name: "indicators_counts");

            migrationBuilder.DropTable(
                name: "indicators_form_values");

            migrationBuilder.DropTable(
                name: "indicators_meetings");

            migrationBuilder.DropTable(
                name: "indicators_outbox");

            migrationBuilder.DropTable(
                name: "indicators_totals");

            migrationBuilder.DropTable(
                name: "indicators_dashboards");
        }
    }
}
