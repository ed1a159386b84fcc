using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Network.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddAgentCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_agent_counts",
                columns: table => new
                {
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Agents = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_network_agent_counts_TerritoryId_Year",
                table: "network_agent_counts",
                columns: new[] { "TerritoryId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_agent_counts");
        }
    }
}
