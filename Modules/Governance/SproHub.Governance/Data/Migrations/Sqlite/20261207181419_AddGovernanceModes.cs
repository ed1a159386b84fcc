using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Governance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddGovernanceModes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BasinId",
                table: "governance_meetings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // The alerts' key gains the basin. Changing a primary key makes SQLite rebuild the table between two
            // « PRAGMA foreign_keys » that EF runs outside the transaction: a crash there would leave the migration half
            // applied. A new table filled from the old one and renamed stays within the migration's transaction.
            migrationBuilder.CreateTable(
                name: "governance_cadence_alerts_new",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BasinId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AlertedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_cadence_alerts", x => new { x.TerritoryId, x.Type, x.BasinId, x.PeriodStart });
                });

            migrationBuilder.Sql("""
                INSERT INTO governance_cadence_alerts_new (TerritoryId, Type, BasinId, PeriodStart, AlertedAt)
                SELECT TerritoryId, Type, '', PeriodStart, AlertedAt FROM governance_cadence_alerts;
                """);
            migrationBuilder.DropTable(name: "governance_cadence_alerts");
            migrationBuilder.RenameTable(name: "governance_cadence_alerts_new", newName: "governance_cadence_alerts");

            migrationBuilder.CreateTable(
                name: "governance_modes",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_modes", x => x.TerritoryId);
                });

            migrationBuilder.CreateTable(
                name: "governance_basin_referents",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BasinId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
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
