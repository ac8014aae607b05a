using System.Text;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Bundles.Masking.Csv;

namespace ContestSite.Core.Tests.Bundles;

/// <summary>
/// Masking in chunks on several threads must write exactly what masking row by row writes, and report the
/// same rows in the same words, whatever the file holds: these compare the two on generated records mixed
/// with every kind of malformed row, with a small record cap so that chunks are cut in many places.
/// </summary>
public sealed class CsvParallelMaskingTests
{
    [Theory]
    [InlineData(1, 256)]
    [InlineData(2, 512)]
    [InlineData(3, 1024)]
    [InlineData(4, 4096)]
    public async Task Chunked_masking_writes_the_same_bytes_and_report_as_row_by_row_masking(int seed, int maxRecordBytes)
    {
        var csv = MixedFile(seed, rows: 3000, maxRecordBytes);

        var serial = await MaskAsync(csv, new CsvMaskingOptions { MaxRecordBytes = maxRecordBytes, Workers = 1 });
        var parallel = await MaskAsync(csv, new CsvMaskingOptions { MaxRecordBytes = maxRecordBytes, Workers = 4 });

        Assert.True(serial.Report.RowsSkipped > 10, "the file holds malformed rows");
        Assert.True(serial.Report.RowsOut > 2000, "most rows are served");
        AssertSame(serial, parallel);
    }

    [Fact]
    public async Task A_file_of_several_chunks_at_the_default_cap_is_masked_the_same_on_one_thread_or_many()
    {
        var csv = Encoding.UTF8.GetBytes(ReliefRecords.Csv(ReliefRecords.Generate(60_000, seed: 7)));
        Assert.True(csv.Length > 4 * 2 * new CsvMaskingOptions().MaxRecordBytes, "the file spans several chunks");

        var serial = await MaskAsync(csv, new CsvMaskingOptions { Workers = 1 });
        var parallel = await MaskAsync(csv, new CsvMaskingOptions { Workers = 3 });

        Assert.Equal(60_000, parallel.Report.RowsOut);
        AssertSame(serial, parallel);
    }

    [Fact]
    public async Task A_record_longer_than_a_whole_chunk_hands_the_rest_to_one_thread_with_the_same_result()
    {
        var rows = ReliefRecords.Generate(200, seed: 11);
        var csv = new StringBuilder(ReliefRecords.Csv(rows.Take(100)));
        csv.Append("R9,\"").Append('长', 3000).Append("\",x\r\n");
        csv.Append(ReliefRecords.Csv(rows.Skip(100)).Split("\r\n", 2)[1]);
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());

        var serial = await MaskAsync(bytes, new CsvMaskingOptions { MaxRecordBytes = 1024, Workers = 1 });
        var parallel = await MaskAsync(bytes, new CsvMaskingOptions { MaxRecordBytes = 1024, Workers = 2 });

        Assert.Equal((201, 200), (serial.Report.RowsIn, serial.Report.RowsOut));
        Assert.Contains("记录超过 1 KB 的上限", serial.Report.SkippedRows.Select(r => r.Reason));
        AssertSame(serial, parallel);
    }

    [Fact]
    public async Task A_record_longer_than_a_usual_chunk_but_under_the_cap_is_served_from_a_grown_chunk()
    {
        var rows = ReliefRecords.Generate(3000, seed: 13);
        rows[1500] = rows[1500] with { InternalNote = new string('长', 150_000) };
        var csv = Encoding.UTF8.GetBytes(ReliefRecords.Csv(rows));

        var serial = await MaskAsync(csv, new CsvMaskingOptions { Workers = 1 });
        var parallel = await MaskAsync(csv, new CsvMaskingOptions { Workers = 2 });

        Assert.Equal(3000, parallel.Report.RowsOut);
        AssertSame(serial, parallel);
    }

    [Fact]
    public async Task An_output_that_fails_stops_every_worker_and_the_error_reaches_the_caller()
    {
        var csv = MixedFile(seed: 9, rows: 3000, maxRecordBytes: 1024);
        var masker = new CsvMasker(ReliefRecords.Plan(), new CsvMaskingOptions { MaxRecordBytes = 1024, Workers = 3 });

        var masking = masker.MaskAsync(new MemoryStream(csv), new FailingStream(afterBytes: 20_000));

        var error = await Assert.ThrowsAsync<IOException>(() => masking.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("disk full", error.Message);
    }

    /// <summary>An output that accepts some bytes and then fails, like a disk that fills up.</summary>
    private sealed class FailingStream(long afterBytes) : Stream
    {
        private long written;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (written + buffer.Length > afterBytes) throw new IOException("disk full");
            written += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => written;
        public override long Position { get => written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static void AssertSame((byte[] Output, MaskingReport Report) serial, (byte[] Output, MaskingReport Report) parallel)
    {
        Assert.Equal((serial.Report.RowsIn, serial.Report.RowsOut, serial.Report.RowsSkipped), (parallel.Report.RowsIn, parallel.Report.RowsOut, parallel.Report.RowsSkipped));
        Assert.Equal(serial.Report.SkippedRows, parallel.Report.SkippedRows);
        Assert.True(serial.Output.AsSpan().SequenceEqual(parallel.Output), "the masked files differ");
    }

    private static async Task<(byte[] Output, MaskingReport Report)> MaskAsync(byte[] csv, CsvMaskingOptions options)
    {
        using var output = new MemoryStream();
        var report = await new CsvMasker(ReliefRecords.Plan(), options).MaskAsync(new MemoryStream(csv), output);
        Assert.True(report.Succeeded, report.FatalError);
        return (output.ToArray(), report);
    }

    /// <summary>Generated rows with, at random places, each kind of trouble a real file has.</summary>
    private static byte[] MixedFile(int seed, int rows, int maxRecordBytes)
    {
        var random = new Random(seed);
        var records = ReliefRecords.Generate(rows, seed);
        using var file = new MemoryStream();
        void Text(string text) => file.Write(Encoding.UTF8.GetBytes(text));
        Text(string.Join(',', ReliefRecords.Header) + "\r\n");
        foreach (var record in records)
        {
            var cells = record.Cells();
            switch (random.Next(40))
            {
                case 0: Text(string.Join(',', cells.Take(5)) + "\r\n"); break;                        // too few columns
                case 1: cells[1] = "李\"娜"; Text(string.Join(',', cells) + "\r\n"); break;           // stray quote
                case 2: cells[9] = "\"低保\"x"; Text(string.Join(',', cells) + "\r\n"); break;        // text after a closing quote
                case 3: cells[4] = "\"" + cells[4] + "\r\n第二行, 含逗号\""; Text(string.Join(',', cells) + "\r\n"); break;
                case 4: Text("\r\n"); Text(string.Join(',', cells) + "\n"); break;                    // blank line, LF end
                case 5: Text(string.Join(',', cells) + "\r"); break;                                  // lone CR end
                case 6: file.Write([0x52, 0xFF, 0xFE, 0x2C]); Text(string.Join(',', cells.Skip(1)) + "\r\n"); break; // not UTF-8
                case 7: cells[11] = "\"" + new string('长', maxRecordBytes / 2) + "\n\"x\""; Text(string.Join(',', cells) + "\r\n"); break; // over the cap
                case 8: cells[11] = new string('宽', maxRecordBytes); Text(string.Join(',', cells) + "\r\n"); break; // over the cap, unquoted
                default: Text(string.Join(',', cells) + "\r\n"); break;
            }
        }
        Text("R999999,\"未闭合的引号\r\n" + string.Join(',', records[0].Cells()));                    // unclosed quote at the end
        return file.ToArray();
    }
}
