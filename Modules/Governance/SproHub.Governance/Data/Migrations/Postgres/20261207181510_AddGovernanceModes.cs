using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Governance.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddGovernanceModes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_governance_cadence_alerts",
                table: "governance_cadence_alerts");

            migrationBuilder.AddColumn<string>(
                name: "BasinId",
                table: "governance_meetings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BasinId",
                table: "governance_cadence_alerts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_governance_cadence_alerts",
                table: "governance_cadence_alerts",
                columns: new[] { "TerritoryId", "Type", "BasinId", "PeriodStart" });

            migrationBuilder.CreateTable(
                name: "governance_modes",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_modes", x => x.TerritoryId);
                });

            migrationBuilder.CreateTable(
                name: "governance_basin_referents",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BasinId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_basin_referents", x => new { x.TerritoryId, x.BasinId });
                    table.ForeignKey(
                        name: "FK_governance_basin_referents_governance_modes_TerritoryId",
                        column: x => x.TerritoryId,
                        principalTable: "governance_modes",
                        principalColumn: "TerritoryId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_mode_rules",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_mode_rules", x => new { x.TerritoryId, x.Type });
                    table.ForeignKey(
                        name: "FK_governance_mode_rules_governance_modes_TerritoryId",
                        column: x => x.TerritoryId,
                        principalTable: "governance_modes",
                        principalColumn: "TerritoryId",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "governance_basin_referents");

            migrationBuilder.DropTable(
                name: "governance_mode_rules");

            migrationBuilder.DropTable(
                name: "governance_modes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_governance_cadence_alerts",
                table: "governance_cadence_alerts");

            migrationBuilder.DropColumn(
                name: "BasinId",
                table: "governance_meetings");

            migrationBuilder.DropColumn(
                name: "BasinId",
                table: "governance_cadence_alerts");

            migrationBuilder.AddPrimaryKey(
                name: "PK_governance_cadence_alerts",
                table: "governance_cadence_alerts",
                columns: new[] { "TerritoryId", "Type", "PeriodStart" });
        }
    }
}
