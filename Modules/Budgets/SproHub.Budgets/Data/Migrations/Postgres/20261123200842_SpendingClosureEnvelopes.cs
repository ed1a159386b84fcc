using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Budgets.Data.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "budgets_subsidy_requests",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "budgets_agreement_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PreviousEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NewEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ConsumptionRate = table.Column<decimal>(type: "numeric(7,4)", precision: 7, scale: 4, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_agreement_amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budgets_agreement_amendments_budgets_financial_agreements_A~",
                        column: x => x.AgreementId,
                        principalTable: "budgets_financial_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budgets_closed_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Granted = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Spent = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TerritoryName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CarrierStructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    CarrierName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AllottedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets_envelopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budgets_spending",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CorrectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AfterClosure = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
