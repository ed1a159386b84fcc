using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Plugins.Comete.Data.Migrations.Postgres
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
                type: "bigint",
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
