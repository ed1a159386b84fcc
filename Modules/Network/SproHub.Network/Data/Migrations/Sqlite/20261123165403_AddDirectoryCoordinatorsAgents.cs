using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Network.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDirectoryCoordinatorsAgents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "network_structures",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Public",
                table: "network_structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "network_structures",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Function",
                table: "network_people",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "network_agent_counts",
                columns: table => new
                {
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Agents = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_agent_counts", x => new { x.StructureId, x.Year });
                    table.ForeignKey(
                        name: "FK_network_agent_counts_network_structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "network_structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_coordinator_designations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SchoolYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlenaryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinutesReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_coordinator_designations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_coordinator_designations_network_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "network_people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_network_coordinator_designations_network_structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "network_structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_people_StructureId",
                table: "network_people",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_network_agent_counts_TerritoryId_Year",
                table: "network_agent_counts",
                columns: new[] { "TerritoryId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_network_coordinator_designations_PersonId",
                table: "network_coordinator_designations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_network_coordinator_designations_StructureId",
                table: "network_coordinator_designations",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_network_coordinator_designations_TerritoryId_SchoolYear",
                table: "network_coordinator_designations",
                columns: new[] { "TerritoryId", "SchoolYear" });

            // Rows from before this migration: lower case is the best SQL can do here; the platform writes the rest.
            migrationBuilder.Sql("UPDATE network_structures SET \"SearchText\" = lower(\"Name\" || ' ' || \"Town\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_agent_counts");

            migrationBuilder.DropTable(
                name: "network_coordinator_designations");

            migrationBuilder.DropIndex(
                name: "IX_network_people_StructureId",
                table: "network_people");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "network_structures");

            migrationBuilder.DropColumn(
                name: "Public",
                table: "network_structures");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "network_structures");

            migrationBuilder.DropColumn(
                name: "Function",
                table: "network_people");
        }
    }
}
