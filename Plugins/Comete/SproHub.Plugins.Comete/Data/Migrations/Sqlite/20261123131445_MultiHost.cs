using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Plugins.Comete.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MultiHost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LockedUntilTicks",
                table: "comete_outbox",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LockedUntilTicks",
                table: "comete_outbox");
        }
    }
}
