using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Network.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SchoolYear = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlenaryDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MinutesReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                        name: "FK_network_coordinator_designations_network_structures_Structu~",
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
