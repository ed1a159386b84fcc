using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Network.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReceptionPointsNetworksSignatories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DepartmentWide",
                table: "network_structures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OtherNetwork",
                table: "network_structures",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MaySign",
                table: "network_people",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "network_member_networks",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_member_networks", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "network_reception_points",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Public = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_reception_points", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_reception_points_network_structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "network_structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_opening_hours",
                columns: table => new
                {
                    ReceptionPointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_opening_hours", x => new { x.ReceptionPointId, x.Day, x.Opens });
                    table.ForeignKey(
                        name: "FK_network_opening_hours_network_reception_points_ReceptionPointId",
                        column: x => x.ReceptionPointId,
                        principalTable: "network_reception_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_member_networks_Label",
                table: "network_member_networks",
                column: "Label",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_reception_points_StructureId",
                table: "network_reception_points",
                column: "StructureId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_member_networks");

            migrationBuilder.DropTable(
                name: "network_opening_hours");

            migrationBuilder.DropTable(
                name: "network_reception_points");

            migrationBuilder.DropColumn(
                name: "DepartmentWide",
                table: "network_structures");

            migrationBuilder.DropColumn(
                name: "OtherNetwork",
                table: "network_structures");

            migrationBuilder.DropColumn(
                name: "MaySign",
                table: "network_people");
        }
    }
}
