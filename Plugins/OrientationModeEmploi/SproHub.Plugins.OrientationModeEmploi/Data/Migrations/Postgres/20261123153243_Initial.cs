using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SproHub.Plugins.OrientationModeEmploi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mode_emploi_guide_stamps",
                columns: table => new
                {
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mode_emploi_guide_stamps", x => x.TerritoryId);
                });

            migrationBuilder.CreateTable(
                name: "mode_emploi_outbox",
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
                    table.PrimaryKey("PK_mode_emploi_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mode_emploi_sheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Modalities = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Contact = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mode_emploi_sheets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mode_emploi_themes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mode_emploi_themes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mode_emploi_unanswered_searches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Query = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LastTyped = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    LastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mode_emploi_unanswered_searches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mode_emploi_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ThemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mode_emploi_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mode_emploi_questions_mode_emploi_themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "mode_emploi_themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mode_emploi_answerers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mode_emploi_answerers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mode_emploi_answerers_mode_emploi_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "mode_emploi_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mode_emploi_answerers_QuestionId",
                table: "mode_emploi_answerers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_mode_emploi_answerers_StructureId",
                table: "mode_emploi_answerers",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_mode_emploi_outbox_ProcessedAt",
                table: "mode_emploi_outbox",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_mode_emploi_questions_TerritoryId_ThemeId",
                table: "mode_emploi_questions",
                columns: new[] { "TerritoryId", "ThemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_mode_emploi_questions_ThemeId",
                table: "mode_emploi_questions",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_mode_emploi_sheets_TerritoryId_StructureId",
                table: "mode_emploi_sheets",
                columns: new[] { "TerritoryId", "StructureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mode_emploi_themes_TerritoryId_Name",
                table: "mode_emploi_themes",
                columns: new[] { "TerritoryId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mode_emploi_unanswered_searches_TerritoryId_Query",
                table: "mode_emploi_unanswered_searches",
                columns: new[] { "TerritoryId", "Query" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mode_emploi_answerers");

            migrationBuilder.DropTable(
                name: "mode_emploi_guide_stamps");

            migrationBuilder.DropTable(
                name: "mode_emploi_outbox");

            migrationBuilder.DropTable(
                name: "mode_emploi_sheets");

            migrationBuilder.DropTable(
                name: "mode_emploi_unanswered_searches");

            migrationBuilder.DropTable(
                name: "mode_emploi_questions");

            migrationBuilder.DropTable(
                name: "mode_emploi_themes");
        }
    }
}
