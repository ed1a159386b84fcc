using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SproHub.Plugins.CelluleHandicap.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cellule_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LockedUntilTicks = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cellule_partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    HostsSessions = table.Column<bool>(type: "boolean", nullable: false),
                    SecretariatTurn = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_partners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cellule_purge_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RanAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SituationsErased = table.Column<int>(type: "integer", nullable: false),
                    ReadsDeleted = table.Column<int>(type: "integer", nullable: false),
                    ClosedBefore = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_purge_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cellule_situations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PrescriberEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PrescriberName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PrescriberOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AgeAtConsent = table.Column<int>(type: "integer", nullable: false),
                    Recognition = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ConsentPurposes = table.Column<int>(type: "integer", nullable: false),
                    ConsentByGuardian = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentWithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstExaminedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SealedIdentity = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: true),
                    SealedSheet = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: true),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ErasureReason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_situations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cellule_territorial_issues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Addressee = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_territorial_issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cellule_representatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_representatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_representatives_cellule_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "cellule_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cellule_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    HalfDay = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    VenuePartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecretariatPartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_sessions_cellule_partners_SecretariatPartnerId",
                        column: x => x.SecretariatPartnerId,
                        principalTable: "cellule_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_cellule_sessions_cellule_partners_VenuePartnerId",
                        column: x => x.VenuePartnerId,
                        principalTable: "cellule_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cellule_unavailabilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Part = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_unavailabilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_unavailabilities_cellule_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "cellule_partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cellule_examinations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExaminedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SealedNotes = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_examinations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_examinations_cellule_situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "cellule_situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cellule_follow_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OnTime = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SealedText = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_follow_ups_cellule_situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "cellule_situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cellule_partner_inputs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SealedText = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_partner_inputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_partner_inputs_cellule_situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "cellule_situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cellule_reads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReaderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    What = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_reads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_reads_cellule_situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "cellule_situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cellule_agenda_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AcceptedLate = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_agenda_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_agenda_items_cellule_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "cellule_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_cellule_agenda_items_cellule_situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "cellule_situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cellule_session_absences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_session_absences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_session_absences_cellule_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "cellule_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cellule_next_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SealedAction = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: true),
                    ExaminationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cellule_next_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cellule_next_steps_cellule_examinations_ExaminationId",
                        column: x => x.ExaminationId,
                        principalTable: "cellule_examinations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cellule_agenda_items_SessionId_SituationId_Kind",
                table: "cellule_agenda_items",
                columns: new[] { "SessionId", "SituationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cellule_agenda_items_SituationId",
                table: "cellule_agenda_items",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_examinations_SituationId_SessionId",
                table: "cellule_examinations",
                columns: new[] { "SituationId", "SessionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cellule_follow_ups_SituationId_SessionId",
                table: "cellule_follow_ups",
                columns: new[] { "SituationId", "SessionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cellule_next_steps_ExaminationId",
                table: "cellule_next_steps",
                column: "ExaminationId");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_outbox_ProcessedAt",
                table: "cellule_outbox",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_partner_inputs_SituationId",
                table: "cellule_partner_inputs",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_reads_SituationId",
                table: "cellule_reads",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_representatives_Email",
                table: "cellule_representatives",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_representatives_PartnerId",
                table: "cellule_representatives",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_session_absences_SessionId",
                table: "cellule_session_absences",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_sessions_SecretariatPartnerId",
                table: "cellule_sessions",
                column: "SecretariatPartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_sessions_TerritoryId_Date",
                table: "cellule_sessions",
                columns: new[] { "TerritoryId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_cellule_sessions_VenuePartnerId",
                table: "cellule_sessions",
                column: "VenuePartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_situations_PrescriberEmail",
                table: "cellule_situations",
                column: "PrescriberEmail");

            migrationBuilder.CreateIndex(
                name: "IX_cellule_situations_TerritoryId_Reference",
                table: "cellule_situations",
                columns: new[] { "TerritoryId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cellule_unavailabilities_PartnerId",
                table: "cellule_unavailabilities",
                column: "PartnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cellule_agenda_items");

            migrationBuilder.DropTable(
                name: "cellule_follow_ups");

            migrationBuilder.DropTable(
                name: "cellule_next_steps");

            migrationBuilder.DropTable(
                name: "cellule_outbox");

            migrationBuilder.DropTable(
                name: "cellule_partner_inputs");

            migrationBuilder.DropTable(
                name: "cellule_purge_reports");

            migrationBuilder.DropTable(
                name: "cellule_reads");

            migrationBuilder.DropTable(
                name: "cellule_representatives");

            migrationBuilder.DropTable(
                name: "cellule_session_absences");

            migrationBuilder.DropTable(
                name: "cellule_territorial_issues");

            migrationBuilder.DropTable(
                name: "cellule_unavailabilities");

            migrationBuilder.DropTable(
                name: "cellule_examinations");

            migrationBuilder.DropTable(
                name: "cellule_sessions");

            migrationBuilder.DropTable(
                name: "cellule_situations");

            migrationBuilder.DropTable(
                name: "cellule_partners");
        }
    }
}
