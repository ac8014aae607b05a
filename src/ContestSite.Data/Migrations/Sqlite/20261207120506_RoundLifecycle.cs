using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContestSite.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoundLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ObjectionDays",
                table: "RoundJudgingSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<bool>(
                name: "ShowCommentsToTeams",
                table: "RoundJudgingSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ExcludedAt",
                table: "Reviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExcludedByUserId",
                table: "Reviews",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExclusionReason",
                table: "Reviews",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DecidedAt",
                table: "ConflictDeclarations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedByUserId",
                table: "ConflictDeclarations",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Decision",
                table: "ConflictDeclarations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RaisedByUserId",
                table: "ConflictDeclarations",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "ConflictDeclarations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Declared");

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AwardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContestName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RoundName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TeamName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntryTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AwardName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MemberNames = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultsPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ObjectionsCloseAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChangeSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FinalisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinalisedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultsPublications_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewReopenings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OpenedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewReopenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewReopenings_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewReopenings_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Objections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AttachmentFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttachmentStorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttachmentLength = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnswerIsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Concurrency = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objections_AspNetUsers_RaisedByUserId",
                        column: x => x.RaisedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_ResultsPublications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "ResultsPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Objections_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_Status",
                table: "ConflictDeclarations",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_AwardId",
                table: "Certificates",
                column: "AwardId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Code",
                table: "Certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_TeamId",
                table: "Certificates",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_PublicationId",
                table: "Objections",
                column: "PublicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_RaisedByUserId",
                table: "Objections",
                column: "RaisedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_RoundId_Status",
                table: "Objections",
                columns: new[] { "RoundId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_SubmissionId",
                table: "Objections",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_Objections_TeamId",
                table: "Objections",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPublications_RoundId_Version",
                table: "ResultsPublications",
                columns: new[] { "RoundId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewReopenings_RoundId_SubmissionId",
                table: "ReviewReopenings",
                columns: new[] { "RoundId", "SubmissionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewReopenings_SubmissionId",
                table: "ReviewReopenings",
                column: "SubmissionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "Objections");

            migrationBuilder.DropTable(
                name: "ReviewReopenings");

            migrationBuilder.DropTable(
                name: "ResultsPublications");

            migrationBuilder.DropIndex(
                name: "IX_ConflictDeclarations_Status",
                table: "ConflictDeclarations");

            migrationBuilder.DropColumn(
                name: "ObjectionDays",
                table: "RoundJudgingSettings");

            migrationBuilder.DropColumn(
                name: "ShowCommentsToTeams",
                table: "RoundJudgingSettings");

            migrationBuilder.DropColumn(
                name: "ExcludedAt",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ExcludedByUserId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ExclusionReason",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "ConflictDeclarations");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "ConflictDeclarations");

            migrationBuilder.DropColumn(
                name: "Decision",
                table: "ConflictDeclarations");

            migrationBuilder.DropColumn(
                name: "RaisedByUserId",
                table: "ConflictDeclarations");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ConflictDeclarations");
        }
    }
}
