using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Network.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OtherNetwork",
                table: "network_structures",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MaySign",
                table: "network_people",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "network_member_networks",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_member_networks", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "network_reception_points",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Public = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    ReceptionPointId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_opening_hours", x => new { x.ReceptionPointId, x.Day, x.Opens });
                    table.ForeignKey(
                        name: "FK_network_opening_hours_network_reception_points_ReceptionPoi~",
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
