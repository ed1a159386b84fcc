using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Budgets.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AmendmentCprVote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CprVoteOn",
                table: "budgets_agreement_amendments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Amendments recorded before the vote was asked for: their signing date is the latest the CPR can have voted.
            migrationBuilder.Sql("UPDATE budgets_agreement_amendments SET \"CprVoteOn\" = \"SignedOn\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CprVoteOn",
                table: "budgets_agreement_amendments");
        }
    }
}
