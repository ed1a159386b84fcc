using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Budgets.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SpendingClosureEnvelopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "budgets_subsidy_requests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "budgets_subsidy_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "budgets_agreement_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConsumptionRate = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_agreement_amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budgets_agreement_amendments_budgets_financial_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "budgets_financial_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budgets_closed_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Granted = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Spent = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_closed_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budgets_closed_lines_budgets_subsidy_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "budgets_subsidy_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "budgets_envelopes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TerritoryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CarrierStructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CarrierName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AllottedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_envelopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budgets_spending",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AfterClosure = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_spending", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budgets_spending_budgets_subsidy_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "budgets_subsidy_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_budgets_agreement_amendments_AgreementId_Number",
                table: "budgets_agreement_amendments",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_budgets_closed_lines_RequestId",
                table: "budgets_closed_lines",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_budgets_envelopes_StartsOn_DepartmentCode",
                table: "budgets_envelopes",
                columns: new[] { "StartsOn", "DepartmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_budgets_spending_RequestId_SpentOn",
                table: "budgets_spending",
                columns: new[] { "RequestId", "SpentOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budgets_agreement_amendments");

            migrationBuilder.DropTable(
                name: "budgets_closed_lines");

            migrationBuilder.DropTable(
                name: "budgets_envelopes");

            migrationBuilder.DropTable(
                name: "budgets_spending");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "budgets_subsidy_requests");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "budgets_subsidy_requests");
        }
    }
}
