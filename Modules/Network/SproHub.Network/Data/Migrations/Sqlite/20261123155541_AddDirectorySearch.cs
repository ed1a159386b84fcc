using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Network.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDirectorySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "network_structures",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            // Rows from before this migration: lower case is the best SQL can do here; the platform writes the rest.
            migrationBuilder.Sql("UPDATE network_structures SET \"SearchText\" = lower(\"Name\" || ' ' || \"Town\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "network_structures");
        }
    }
}
