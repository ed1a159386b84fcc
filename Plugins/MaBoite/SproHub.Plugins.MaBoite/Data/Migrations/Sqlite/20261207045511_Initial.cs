using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SproHub.Plugins.MaBoite.Data.Migrations.Sqlite
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
                    table.PrimaryKey("PK_ma_boite_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_publication_views",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstViewedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ma_boite_publication_views", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_publications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EventOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttachmentStoreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    AttachmentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    AttachmentSize = table.Column<long>(type: "INTEGER", nullable: false),
                    PublicTypes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgeMin = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeMax = table.Column<int>(type: "INTEGER", nullable: true),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ma_boite_publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    PublicType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: true),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    QuotaBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastActiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentStamp = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ma_boite_spaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ma_boite_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FolderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TrashedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    TrashedWithFolderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TrashedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    TrashedWithFolderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Access = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastOpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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
