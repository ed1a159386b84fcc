using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SproHub.Plugins.ClipContests.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clips_editions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Themes = table.Column<List<string>>(type: "text[]", nullable: false),
                    RegistrationEnds = table.Column<DateOnly>(type: "date", nullable: false),
                    FilmingEnds = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmissionEnds = table.Column<DateOnly>(type: "date", nullable: false),
                    JuryStarts = table.Column<DateOnly>(type: "date", nullable: false),
                    JuryEnds = table.Column<DateOnly>(type: "date", nullable: false),
                    JuryClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PrizesConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QuestionnaireOpen = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: true),
                    partners = table.Column<string>(type: "jsonb", nullable: true),
                    prizes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_editions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clips_outbox",
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
                    table.PrimaryKey("PK_clips_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clips_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EditionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Device = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Respondent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Satisfaction = table.Column<int>(type: "integer", nullable: false),
                    KnewSproBefore = table.Column<bool>(type: "boolean", nullable: false),
                    KnowsWhereToAsk = table.Column<bool>(type: "boolean", nullable: false),
                    WantsToDiscoverAJob = table.Column<bool>(type: "boolean", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clips_answers_clips_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "clips_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips_jury_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EditionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsPresident = table.Column<bool>(type: "boolean", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_jury_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clips_jury_members_clips_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "clips_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips_screenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EditionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Programme = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Attendance = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_screenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clips_screenings_clips_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "clips_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips_teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EditionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    StructureName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LeadName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Project_Job = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Project_Theme = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Project_Scenario = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Project_FilmedPerson = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Project_Workplace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_teams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clips_teams_clips_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "clips_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips_clips",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    EditionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    VideoLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Video_FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Video_FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Video_ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Video_Size = table.Column<long>(type: "bigint", nullable: true),
                    Video_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Poster_FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Poster_FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Poster_ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Poster_Size = table.Column<long>(type: "bigint", nullable: true),
                    Poster_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Subtitles_FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Subtitles_FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Subtitles_ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Subtitles_Size = table.Column<long>(type: "bigint", nullable: true),
                    Subtitles_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_clips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clips_clips_clips_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "clips_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips_conflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JuryMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_conflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clips_conflicts_clips_jury_members_JuryMemberId",
                        column: x => x.JuryMemberId,
                        principalTable: "clips_jury_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_clips_conflicts_clips_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "clips_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips_participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ParentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ParentConsentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clips_participants_clips_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "clips_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips_permissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Document_FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Document_FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Document_ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Document_Size = table.Column<long>(type: "bigint", nullable: false),
                    Document_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_permissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clips_permissions_clips_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "clips_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips_scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JuryMemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Marks = table.Column<List<int>>(type: "integer[]", nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clips_scores_clips_clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "clips_clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_clips_scores_clips_jury_members_JuryMemberId",
                        column: x => x.JuryMemberId,
                        principalTable: "clips_jury_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "clips_views",
                columns: table => new
                {
                    ClipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Visitor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clips_views", x => new { x.ClipId, x.Day, x.Visitor });
                    table.ForeignKey(
                        name: "FK_clips_views_clips_clips_ClipId",
                        column: x => x.ClipId,
                        principalTable: "clips_clips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_clips_answers_EditionId_Device",
                table: "clips_answers",
                columns: new[] { "EditionId", "Device" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clips_clips_TeamId",
                table: "clips_clips",
                column: "TeamId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clips_clips_TerritoryId_PublishedAt",
                table: "clips_clips",
                columns: new[] { "TerritoryId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_clips_conflicts_JuryMemberId_TeamId",
                table: "clips_conflicts",
                columns: new[] { "JuryMemberId", "TeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clips_conflicts_TeamId",
                table: "clips_conflicts",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_clips_editions_TerritoryId_Year",
                table: "clips_editions",
                columns: new[] { "TerritoryId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clips_jury_members_EditionId_Email",
                table: "clips_jury_members",
                columns: new[] { "EditionId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clips_jury_members_Email",
                table: "clips_jury_members",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_clips_outbox_ProcessedAt",
                table: "clips_outbox",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_clips_participants_TeamId",
                table: "clips_participants",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_clips_permissions_TeamId_Kind",
                table: "clips_permissions",
                columns: new[] { "TeamId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clips_scores_ClipId",
                table: "clips_scores",
                column: "ClipId");

            migrationBuilder.CreateIndex(
                name: "IX_clips_scores_JuryMemberId_ClipId",
                table: "clips_scores",
                columns: new[] { "JuryMemberId", "ClipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clips_screenings_EditionId",
                table: "clips_screenings",
                column: "EditionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clips_teams_EditionId_Name",
                table: "clips_teams",
                columns: new[] { "EditionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clips_teams_LeadEmail",
                table: "clips_teams",
                column: "LeadEmail");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clips_answers");

            migrationBuilder.DropTable(
                name: "clips_conflicts");

            migrationBuilder.DropTable(
                name: "clips_outbox");

            migrationBuilder.DropTable(
                name: "clips_participants");

            migrationBuilder.DropTable(
                name: "clips_permissions");

            migrationBuilder.DropTable(
                name: "clips_scores");

            migrationBuilder.DropTable(
                name: "clips_screenings");

            migrationBuilder.DropTable(
                name: "clips_views");

            migrationBuilder.DropTable(
                name: "clips_jury_members");

            migrationBuilder.DropTable(
                name: "clips_clips");

            migrationBuilder.DropTable(
                name: "clips_teams");

            migrationBuilder.DropTable(
                name: "clips_editions");
        }
    }
}
