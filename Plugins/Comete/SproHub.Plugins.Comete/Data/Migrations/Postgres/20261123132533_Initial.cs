using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SproHub.Plugins.Comete.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "comete_outbox",
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
                    table.PrimaryKey("PK_comete_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "comete_series",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Station = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SlotStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    SlotEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comete_series", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "comete_shows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comete_shows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comete_shows_comete_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "comete_series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comete_spot_broadcasts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BroadcastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comete_spot_broadcasts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comete_spot_broadcasts_comete_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "comete_series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comete_guests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ShowId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comete_guests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comete_guests_comete_shows_ShowId",
                        column: x => x.ShowId,
                        principalTable: "comete_shows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comete_replays",
                columns: table => new
                {
                    ShowId = table.Column<Guid>(type: "uuid", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AvailableUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    LastCheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsDead = table.Column<bool>(type: "boolean", nullable: false),
                    LastProblem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Views = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comete_replays", x => x.ShowId);
                    table.ForeignKey(
                        name: "FK_comete_replays_comete_shows_ShowId",
                        column: x => x.ShowId,
                        principalTable: "comete_shows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comete_running_order",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ShowId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comete_running_order", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comete_running_order_comete_shows_ShowId",
                        column: x => x.ShowId,
                        principalTable: "comete_shows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comete_show_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShowId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Who = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    What = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comete_show_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comete_show_history_comete_shows_ShowId",
                        column: x => x.ShowId,
                        principalTable: "comete_shows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_comete_guests_ShowId",
                table: "comete_guests",
                column: "ShowId");

            migrationBuilder.CreateIndex(
                name: "IX_comete_outbox_ProcessedAt",
                table: "comete_outbox",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_comete_running_order_ShowId",
                table: "comete_running_order",
                column: "ShowId");

            migrationBuilder.CreateIndex(
                name: "IX_comete_show_history_ShowId",
                table: "comete_show_history",
                column: "ShowId");

            migrationBuilder.CreateIndex(
                name: "IX_comete_shows_SeriesId",
                table: "comete_shows",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_comete_shows_TerritoryId_Date",
                table: "comete_shows",
                columns: new[] { "TerritoryId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_comete_spot_broadcasts_SeriesId",
                table: "comete_spot_broadcasts",
                column: "SeriesId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comete_guests");

            migrationBuilder.DropTable(
                name: "comete_outbox");

            migrationBuilder.DropTable(
                name: "comete_replays");

            migrationBuilder.DropTable(
                name: "comete_running_order");

            migrationBuilder.DropTable(
                name: "comete_show_history");

            migrationBuilder.DropTable(
                name: "comete_spot_broadcasts");

            migrationBuilder.DropTable(
                name: "comete_shows");

            migrationBuilder.DropTable(
                name: "comete_series");
        }
    }
}
