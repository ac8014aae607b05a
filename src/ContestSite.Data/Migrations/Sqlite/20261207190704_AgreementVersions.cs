using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgreementVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgreementVersionId",
                table: "AccessApplications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreementVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TrackId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AgreementAcceptances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementAcceptances_AgreementVersions_AgreementVersionId",
                        column: x => x.AgreementVersionId,
                        principalTable: "AgreementVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "AgreementVersions",
                columns: new[] { "Id", "ChangeNote", "Kind", "Markdown", "Number", "PublishedAt", "PublishedById", "TrackId" },
                values: new object[] { 1, null, "DataUse", "本团队承诺：所获数据仅用于本届大赛的参赛作品；不向任何第三方提供、转让或公开；大赛结束后删除全部数据及其副本；使用全过程接受组委会审计。", 1, 637134336000000000L, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAcceptances_AgreementVersionId_TeamId",
                table: "AgreementAcceptances",
                columns: new[] { "AgreementVersionId", "TeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_Kind_TrackId_Number",
                table: "AgreementVersions",
                columns: new[] { "Kind", "TrackId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementAcceptances");

            migrationBuilder.DropTable(
                name: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "AgreementVersionId",
                table: "AccessApplications");
        }
    }
}
