using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Network.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCoordinatorDesignations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_coordinator_designations");
        }
    }
}
