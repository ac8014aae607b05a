using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JudgeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JudgeNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    JudgeUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JudgeNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JudgeNotices_AspNetUsers_JudgeUserId",
                        column: x => x.JudgeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JudgeNotices_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JudgeNotices_JudgeUserId",
                table: "JudgeNotices",
                column: "JudgeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JudgeNotices_RoundId_JudgeUserId_Kind_Deadline",
                table: "JudgeNotices",
                columns: new[] { "RoundId", "JudgeUserId", "Kind", "Deadline" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JudgeNotices");
        }
    }
}
