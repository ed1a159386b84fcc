using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SproHub.Plugins.MaBoite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ma_boite_outbox",
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
                    table.PrimaryKey("PK_ma_boite_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_publication_views",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PublicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstViewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ma_boite_publication_views", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_publications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Markdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EventOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AttachmentStoreId = table.Column<Guid>(type: "uuid", nullable: true),
                    AttachmentName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    AttachmentType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    AttachmentSize = table.Column<long>(type: "bigint", nullable: false),
                    PublicTypes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgeMin = table.Column<int>(type: "integer", nullable: true),
                    AgeMax = table.Column<int>(type: "integer", nullable: true),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ma_boite_publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    PublicType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BirthYear = table.Column<int>(type: "integer", nullable: true),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: true),
                    QuotaBytes = table.Column<long>(type: "bigint", nullable: false),
                    UsedBytes = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastActiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InvitedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ContentStamp = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ma_boite_spaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    FolderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    ContentType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TrashedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TrashedWithFolderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ma_boite_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ma_boite_documents_ma_boite_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "ma_boite_spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_folders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TrashedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TrashedWithFolderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ma_boite_folders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ma_boite_folders_ma_boite_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "ma_boite_spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_shares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TerritoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    AgentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Access = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastOpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ma_boite_shares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ma_boite_shares_ma_boite_spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "ma_boite_spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ma_boite_documents_SpaceId_FolderId_NameKey",
                table: "ma_boite_documents",
                columns: new[] { "SpaceId", "FolderId", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ma_boite_documents_StoreId",
                table: "ma_boite_documents",
                column: "StoreId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ma_boite_folders_SpaceId_ParentId",
                table: "ma_boite_folders",
                columns: new[] { "SpaceId", "ParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ma_boite_outbox_ProcessedAt",
                table: "ma_boite_outbox",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ma_boite_publication_views_PublicationId_SpaceId",
                table: "ma_boite_publication_views",
                columns: new[] { "PublicationId", "SpaceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ma_boite_publications_TerritoryId",
                table: "ma_boite_publications",
                column: "TerritoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ma_boite_shares_SpaceId",
                table: "ma_boite_shares",
                column: "SpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_ma_boite_shares_TerritoryId_AgentEmail",
                table: "ma_boite_shares",
                columns: new[] { "TerritoryId", "AgentEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_ma_boite_spaces_TerritoryId_OwnerUserId",
                table: "ma_boite_spaces",
                columns: new[] { "TerritoryId", "OwnerUserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ma_boite_documents");

            migrationBuilder.DropTable(
                name: "ma_boite_folders");

            migrationBuilder.DropTable(
                name: "ma_boite_outbox");

            migrationBuilder.DropTable(
                name: "ma_boite_publication_views");

            migrationBuilder.DropTable(
                name: "ma_boite_publications");

            migrationBuilder.DropTable(
                name: "ma_boite_shares");

            migrationBuilder.DropTable(
                name: "ma_boite_spaces");
        }
    }
}
