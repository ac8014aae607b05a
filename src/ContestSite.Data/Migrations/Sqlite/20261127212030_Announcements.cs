using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Announcements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Audience",
                table: "Announcements",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<int>(
                name: "AudienceTrackId",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EmailQueuedAt",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmailRecipientCount",
                table: "Announcements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Announcements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AnnouncementAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnnouncementId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnouncementAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnouncementAttachments_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_Category_PublishAt",
                table: "Announcements",
                columns: new[] { "Category", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_EmailQueuedAt_PublishAt",
                table: "Announcements",
                columns: new[] { "EmailQueuedAt", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnouncementAttachments_AnnouncementId",
                table: "AnnouncementAttachments",
                column: "AnnouncementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnouncementAttachments");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_Category_PublishAt",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_EmailQueuedAt_PublishAt",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Audience",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "AudienceTrackId",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "EmailQueuedAt",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "EmailRecipientCount",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Announcements");
        }
    }
}
