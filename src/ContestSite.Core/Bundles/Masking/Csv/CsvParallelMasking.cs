using System.Threading.Channels;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// Masks the file body on several cores: the reader cuts it into chunks of whole records, workers mask
/// chunks with the one-thread loop (<see cref="CsvSegment"/>), and the writer copies their output in file
/// order and adds their reports, shifting line numbers. Both channels are bounded, so memory stays a few
/// chunks whatever the file's size, and the output is byte for byte what one thread writes.
/// </summary>
internal sealed class CsvParallelMasking(IReadOnlyList<ColumnMasking> columns, CsvMaskingOptions options, MaskingReport report)
{
    public async Task MaskAsync(CsvInputWindow window, Stream input, CsvOutputBuffer output, Stream outputStream, long firstLine, CancellationToken cancellationToken)
    {
        var workers = Math.Max(1, options.Workers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Channel.CreateBounded<CsvChunk>(workers * 2);
        var ordered = Channel.CreateBounded<CsvChunk>(workers * 4);
        var reader = new CsvChunkReader(window.Pending, input, window.IsFinal, window.Offset, 2 * options.MaxRecordBytes);
        await output.FlushAsync(cancellationToken);

        // Workers get threads of their own: on the pool they would keep the reader and writer waiting for a thread.
        var maskers = Enumerable.Range(0, workers)
            .Select(_ => Task.Factory.StartNew(() => Work(work.Reader, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var writer = Task.Run(() => WriteAsync(ordered.Reader, outputStream, firstLine, stop), stop.Token);
        try
        {
            while (await reader.NextAsync(stop.Token) is { } chunk)
            {
                await ordered.Writer.WriteAsync(chunk, stop.Token);
                await work.Writer.WriteAsync(chunk, stop.Token);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            work.Writer.TryComplete();
            ordered.Writer.TryComplete();
        }
        await Task.WhenAll(maskers);
        var nextLine = await writer;
        if (reader.TakeRemainder() is { } remainder) await MaskRemainderAsync(remainder, reader.Offset, output, nextLine, cancellationToken);
    }

    /// <summary>
    /// Masks chunks until there are no more. Over a chunk in memory nothing waits (the window and the output
    /// sink complete at once), so the segment loop runs synchronously on this thread.
    /// </summary>
    private void Work(ChannelReader<CsvChunk> chunks, CancellationToken cancellationToken)
    {
        using var writer = new CsvRowWriter(columns, options.MaxRecordBytes);
        while (chunks.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
        {
            while (chunks.TryRead(out var chunk))
            {
                try
                {
                    using var window = CsvInputWindow.OverChunk(chunk.Buffer, chunk.Length, options.MaxRecordBytes, chunk.Offset);
                    // Room for the chunk's worst case: then its output is one array, handed to the chunk whole.
                    using var buffer = new CsvOutputBuffer(chunk.Output, writer.WorstCaseBytes(chunk.Length) + 64 * 1024);
                    var masking = CsvSegment.MaskAsync(window, buffer, writer, columns.Count, chunk.Report, 0, options.MaxRecordBytes, cancellationToken);
                    chunk.Complete(masking.GetAwaiter().GetResult());
                }
                catch (Exception error)
                {
                    chunk.Fail(error);
                    throw;
                }
            }
        }
    }

    /// <summary>Writes chunks in order as they are done; returns the line after the last record written.</summary>
    private async Task<long> WriteAsync(ChannelReader<CsvChunk> chunks, Stream output, long line, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var chunk in chunks.ReadAllAsync(stop.Token))
            {
                using (chunk)
                {
                    await chunk.Done.WaitAsync(stop.Token);
                    await chunk.Output.WriteToAsync(output, stop.Token);
                    report.Absorb(chunk.Report, line);
                    line += chunk.LineBreaks;
                }
            }
            return line;
        }
        catch
        {
            // A failed chunk or output stops the reader and the other workers instead of leaving them blocked.
            await stop.CancelAsync();
            throw;
        }
    }

    private async Task MaskRemainderAsync(Stream remainder, long offset, CsvOutputBuffer output, long line, CancellationToken cancellationToken)
    {
        using var window = new CsvInputWindow(remainder, options.MaxRecordBytes, offset);
        using var writer = new CsvRowWriter(columns, options.MaxRecordBytes);
        await CsvSegment.MaskAsync(window, output, writer, columns.Count, report, line, options.MaxRecordBytes, cancellationToken);
    }
}
