using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Plugins.CelluleHandicap.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnerVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "cellule_partners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // partners kept before versions were: version 1, as if just created
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "cellule_partners");
        }
    }
}
