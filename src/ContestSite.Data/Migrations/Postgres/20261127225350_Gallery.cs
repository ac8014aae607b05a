using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContestSite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Gallery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GalleryEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    SubmissionId = table.Column<int>(type: "integer", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    TrackId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    ShowcaseTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ShowcaseText = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Domain = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    TeamDisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MemberDisplayNames = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConsentGivenBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConsentText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConsentGivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsentRecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AwardId = table.Column<int>(type: "integer", nullable: true),
                    AwardName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AwardLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LikeCount = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GalleryEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GallerySettings",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LikesEnabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GallerySettings", x => x.ContestId);
                });

            migrationBuilder.CreateTable(
                name: "GalleryLikes",
                columns: table => new
                {
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    LikedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GalleryLikes", x => new { x.EntryId, x.UserId });
                    table.ForeignKey(
                        name: "FK_GalleryLikes_GalleryEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "GalleryEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GalleryEntries_PublishedAt_Year",
                table: "GalleryEntries",
                columns: new[] { "PublishedAt", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_GalleryEntries_SubmissionId",
                table: "GalleryEntries",
                column: "SubmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GalleryLikes");

            migrationBuilder.DropTable(
                name: "GallerySettings");

            migrationBuilder.DropTable(
                name: "GalleryEntries");
        }
    }
}
