using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Governance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "governance_agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "governance_cadence_alerts",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AlertedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_cadence_alerts", x => new { x.TerritoryId, x.Type, x.PeriodStart });
                });

            migrationBuilder.CreateTable(
                name: "governance_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    VideoLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Agenda = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InvitationsSentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    InvitationSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", nullable: true),
                    MinutesPublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    InvitedStructures = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipatingStructures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "governance_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntilTicks = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "governance_agreement_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Network = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmendmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AmendmentNumber = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_agreement_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_governance_agreement_parties_governance_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "governance_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CprVoteOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ForwardedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CompiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_governance_amendments_governance_agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "governance_agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "governance_meeting_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_meeting_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_governance_meeting_actions_governance_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "governance_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_meeting_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_meeting_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_governance_meeting_decisions_governance_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "governance_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_meeting_invitees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Function = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReplyToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RepliedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_meeting_invitees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_governance_meeting_invitees_governance_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "governance_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_meeting_structures",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Participated = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_meeting_structures", x => new { x.MeetingId, x.StructureId });
                    table.ForeignKey(
                        name: "FK_governance_meeting_structures_governance_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "governance_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_amendment_partners",
                columns: table => new
                {
                    AmendmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Network = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_amendment_partners", x => new { x.AmendmentId, x.StructureId });
                    table.ForeignKey(
                        name: "FK_governance_amendment_partners_governance_amendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "governance_amendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "governance_amendment_signatures",
                columns: table => new
                {
                    AmendmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignatoryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignatoryRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DocumentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DocumentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reminders = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRemindedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_amendment_signatures", x => new { x.AmendmentId, x.StructureId });
                    table.ForeignKey(
                        name: "FK_governance_amendment_signatures_governance_amendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "governance_amendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_governance_agreement_parties_AgreementId",
                table: "governance_agreement_parties",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_governance_agreements_TerritoryId",
                table: "governance_agreements",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_governance_amendments_AgreementId_Number",
                table: "governance_amendments",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_governance_meeting_actions_MeetingId",
                table: "governance_meeting_actions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_governance_meeting_actions_TerritoryId_DoneAt_DueOn",
                table: "governance_meeting_actions",
                columns: new[] { "TerritoryId", "DoneAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_governance_meeting_decisions_MeetingId",
                table: "governance_meeting_decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_governance_meeting_invitees_MeetingId",
                table: "governance_meeting_invitees",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_governance_meeting_invitees_ReplyToken",
                table: "governance_meeting_invitees",
                column: "ReplyToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_governance_meetings_TerritoryId_Day",
                table: "governance_meetings",
                columns: new[] { "TerritoryId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_governance_outbox_ProcessedAt",
                table: "governance_outbox",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "governance_agreement_parties");

            migrationBuilder.DropTable(
                name: "governance_amendment_partners");

            migrationBuilder.DropTable(
                name: "governance_amendment_signatures");

            migrationBuilder.DropTable(
                name: "governance_cadence_alerts");

            migrationBuilder.DropTable(
                name: "governance_meeting_actions");

            migrationBuilder.DropTable(
                name: "governance_meeting_decisions");

            migrationBuilder.DropTable(
                name: "governance_meeting_invitees");

            migrationBuilder.DropTable(
                name: "governance_meeting_structures");

            migrationBuilder.DropTable(
                name: "governance_outbox");

            migrationBuilder.DropTable(
                name: "governance_amendments");

            migrationBuilder.DropTable(
                name: "governance_meetings");

            migrationBuilder.DropTable(
                name: "governance_agreements");
        }
    }
}
