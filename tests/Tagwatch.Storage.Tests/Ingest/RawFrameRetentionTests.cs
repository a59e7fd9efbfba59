using NodaTime;
using Tagwatch.Application.Ingest;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Tags;
using Tagwatch.Protocols.Devices.Gt06;

namespace Tagwatch.Storage.Tests.Ingest;

public sealed class RawFrameRetentionTests
{
    private static readonly TagId Tag = TagId.Parse("359339075010009");
    private static readonly Instant Day1 = Instant.FromUtc(2019, 3, 1, 0, 0);

    [Fact]
    public async Task Compact_PastDays_AreReadBackExactlyAndSmaller()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        await db.Tags.RegisterAsync([new Tag(Tag, "gt06", null)]);
        var written = await WriteDaysAsync(db, days: 3);

        long packed = await db.Ingest.CompactFramesAsync(Day1 + Duration.FromDays(2) + Duration.FromHours(5));
        var read = await db.Ingest.FramesAsync(Tag, Instant.MinValue, Instant.MaxValue);

        Assert.Equal(2 * 1440, packed);
        Assert.Equal(written.Select(f => (f.Received, f.Protocol, Convert.ToHexString(f.Payload.Span))), read.Select(f => (f.Received, f.Protocol, Convert.ToHexString(f.Payload.Span))));
        await using var context = db.Database.CreateContext();
        var blocks = context.RawFrameBlocks.ToList();
        Assert.Equal(2, blocks.Count);
        Assert.Equal(1440, context.RawFrames.Count());
        long payload = written.Take(2 * 1440).Sum(f => f.Payload.Length);
        Assert.True(blocks.Sum(b => b.Data.Length) * 4 < payload, $"blocks take {blocks.Sum(b => b.Data.Length)} bytes for {payload} bytes of frames");
    }

    [Fact]
    public async Task Purge_RemovesExactlyWhatIsPastRetention()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        await db.Tags.RegisterAsync([new Tag(Tag, "gt06", null)]);
        await WriteDaysAsync(db, days: 3);
        await db.Ingest.CompactFramesAsync(Day1 + Duration.FromDays(1)); // day 1 packed, days 2 and 3 as rows

        var past = Instant.FromUtc(1970, 1, 2, 0, 0);
        var due = await db.RetentionStore.PurgeAsync(new Application.Retention.RetentionCutoffs(past, Day1 + Duration.FromDays(2) + Duration.FromHours(12), past, past, past, past), dryRun: false);

        var left = await db.Ingest.FramesAsync(Tag, Instant.MinValue, Instant.MaxValue);
        Assert.Equal(720, left.Count); // the packed first day and the rows of the second and of the third day's morning are gone
        Assert.Equal(1 + 1440 + 720, due.RawFrames);
        Assert.Equal(Day1 + Duration.FromDays(2) + Duration.FromHours(12), left[0].Received);
    }

    private static async Task<List<RawFrame>> WriteDaysAsync(TemporaryDatabase db, int days)
    {
        var all = new List<RawFrame>();
        for (int d = 0; d < days; d++)
        {
            var commit = new IngestCommit();
            for (int m = 0; m < 1440; m++)
            {
                var received = Day1 + Duration.FromDays(d) + Duration.FromMinutes(m);
                var frame = new RawFrame(Tag, received, "gt06", Gt06Frames.Location(received, 51.46 + (m * 1e-5), -0.11, 4, 90, true, m));
                commit.Frames.Add(frame);
                all.Add(frame);
            }

            await db.Ingest.CommitAsync(commit);
        }

        return all;
    }
}
