using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Budgets.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "budgets_financial_agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CarrierStructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarrierName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CarrierCoordinates = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_financial_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budgets_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntilTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budgets_subsidy_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LateAllowedBecause = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LateAllowedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_subsidy_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budgets_subsidy_requests_budgets_financial_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "budgets_financial_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "budgets_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budgets_payments_budgets_subsidy_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "budgets_subsidy_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "budgets_request_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Granted = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_request_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budgets_request_lines_budgets_subsidy_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "budgets_subsidy_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_budgets_financial_agreements_TerritoryId_Year",
                table: "budgets_financial_agreements",
                columns: new[] { "TerritoryId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_budgets_outbox_ProcessedAt",
                table: "budgets_outbox",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_budgets_payments_RequestId",
                table: "budgets_payments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_budgets_request_lines_RequestId",
                table: "budgets_request_lines",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_budgets_subsidy_requests_AgreementId",
                table: "budgets_subsidy_requests",
                column: "AgreementId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budgets_outbox");

            migrationBuilder.DropTable(
                name: "budgets_payments");

            migrationBuilder.DropTable(
                name: "budgets_request_lines");

            migrationBuilder.DropTable(
                name: "budgets_subsidy_requests");

            migrationBuilder.DropTable(
                name: "budgets_financial_agreements");
        }
    }
}
