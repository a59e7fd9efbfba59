using NodaTime;
using Tagwatch.Application.Audit;
using Tagwatch.Core;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Core.Tags;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Tags;

/// <summary>Who wore which tag decides whose every fix is: wearing periods of a tag never overlap, a person wears one
/// tag at a time (a swap ends the old one as the new one goes on), and a fitting that would hand stored fixes to
/// someone else is refused unless made as an audited correction.</summary>
public abstract class TagFittingTests(StoreKind kind) : IAsyncLifetime
{
    private static readonly Instant Fitted = Instant.FromUtc(2019, 3, 1, 9, 0);
    private static readonly TagId Tag = TagId.Parse("359881030000031");
    private static readonly TagId Spare = TagId.Parse("359881030000032");
    private static readonly GeoPoint Spot = new(51.4613, -0.1156);
    private TemporaryDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TemporaryDatabase.CreateAsync(kind);
        await _db.Tags.RegisterAsync([new Tag(Tag, "gt06", null), new Tag(Spare, "gt06", null)]);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _db.DisposeAsync();
    }

    [Fact]
    public async Task Fit_BackdatedOverAnotherWearersStoredFixes_IsRefusedAndTheFixesStayTheirs()
    {
        var first = await EnrolAsync("Sam");
        var second = await EnrolAsync("Alex");
        await _db.Fitting.FitAsync(Tag, first.Id, Fitted);
        await StoreFixesAsync(Tag, Fitted + Duration.FromHours(1), 120);

        var refused = await Assert.ThrowsAsync<NotAllowedNowException>(() => _db.Fitting.FitAsync(Tag, second.Id, Fitted + Duration.FromHours(2)));

        Assert.Contains("would change whose they are", refused.Message, StringComparison.Ordinal);
        var worn = Assert.Single(await _db.Tags.AssignmentsAsync());
        Assert.Equal((first.Id, (Instant?)null), (worn.Offender, worn.To));
    }

    [Fact]
    public async Task Fit_IntoAWearingPeriodThatHasEnded_IsRefused()
    {
        var first = await EnrolAsync("Sam");
        var second = await EnrolAsync("Alex");
        await _db.Fitting.FitAsync(Tag, first.Id, Fitted);
        await _db.Offenders.EndAsync(first.Reference, "licence revoked"); // the tag comes off at noon

        var refused = await Assert.ThrowsAsync<NotAllowedNowException>(() => _db.Fitting.FitAsync(Tag, second.Id, Fitted + Duration.FromHours(1)));

        Assert.Contains("would overlap that wearing period", refused.Message, StringComparison.Ordinal);
        Assert.Single(await _db.Tags.AssignmentsAsync());
    }

    [Fact]
    public async Task Fit_PersonWearingAnotherTag_IsASwapEndingTheOldTagAtTheSameInstant()
    {
        var person = await EnrolAsync("Sam");
        await _db.Fitting.FitAsync(Tag, person.Id, Fitted);
        var swapped = Fitted + Duration.FromHours(2);

        await _db.Fitting.FitAsync(Spare, person.Id, swapped);

        var worn = await _db.Tags.AssignmentsAsync();
        Assert.Equal(
            [new TagAssignment(Tag, person.Id, Fitted, swapped), new TagAssignment(Spare, person.Id, swapped, null)],
            worn);
    }

    [Fact]
    public async Task Fit_SecondTagIntoThePersonsEndedPeriodOfAnother_IsRefused()
    {
        var person = await EnrolAsync("Sam");
        await _db.Fitting.FitAsync(Tag, person.Id, Fitted);
        await _db.Fitting.FitAsync(Spare, person.Id, Fitted + Duration.FromHours(2));

        var third = TagId.Parse("359881030000033");
        await _db.Tags.RegisterAsync([new Tag(third, "gt06", null)]);

        var overlapping = await Assert.ThrowsAsync<NotAllowedNowException>(() => _db.Fitting.FitAsync(third, person.Id, Fitted + Duration.FromHours(1)));

        Assert.Contains("one person wears one tag at a time", overlapping.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await _db.Tags.AssignmentsAsync()).Count);
    }

    [Fact]
    public async Task Correct_OverStoredFixes_HandsThemOverWithTheReasonAuditedAndTheirCrimesQueued()
    {
        var first = await EnrolAsync("Sam");
        var second = await EnrolAsync("Alex");
        await _db.Fitting.FitAsync(Tag, first.Id, Fitted);
        await StoreFixesAsync(Tag, Fitted + Duration.FromHours(1), 120);
        var handedOver = Fitted + Duration.FromHours(2);

        await _db.Fitting.CorrectAsync(Tag, second.Id, second.Reference.ToString(), handedOver, "tag recorded on the wrong person at the fitting", ("ada.admin", "Administrator"));

        Assert.Equal(
            [new TagAssignment(Tag, first.Id, Fitted, handedOver), new TagAssignment(Tag, second.Id, handedOver, null)],
            await _db.Tags.AssignmentsAsync());
        var audited = Assert.Single(await _db.Audit.SearchAsync(new(Action: AuditActions.CorrectAssignment)));
        Assert.Equal(("ada.admin", second.Reference.ToString()), (audited.Event.Actor, audited.Event.SubjectId));
        Assert.Contains("tag recorded on the wrong person at the fitting", audited.Event.Data, StringComparison.Ordinal);
        var queued = await _db.PendingWork.PendingFixesAsync();
        Assert.Equal(handedOver, queued!.From);
    }

    [Fact]
    public async Task Correct_WithoutAReason_IsRefusedAndChangesNothing()
    {
        var first = await EnrolAsync("Sam");
        var second = await EnrolAsync("Alex");
        await _db.Fitting.FitAsync(Tag, first.Id, Fitted);

        await Assert.ThrowsAsync<ArgumentException>(() => _db.Fitting.CorrectAsync(Tag, second.Id, second.Reference.ToString(), Fitted + Duration.FromHours(1), " ", ("ada.admin", "Administrator")));

        Assert.Single(await _db.Tags.AssignmentsAsync());
    }

    private async Task<Offender> EnrolAsync(string givenName)
    {
        var enrolled = await _db.Offenders.EnrolAsync(EligibleEnrolment.Of(new LocalDate(2019, 3, 1), new LocalDate(2019, 12, 31), givenName));
        Assert.True(enrolled.Offender is not null, string.Join("; ", enrolled.Decision.Refusals.Select(r => r.Reason)));
        return enrolled.Offender!;
    }

    private Task StoreFixesAsync(TagId tag, Instant from, int minutes) =>
        _db.Fixes.AppendAsync(new Dictionary<TagId, List<Fix>>
        {
            [tag] = [.. Enumerable.Range(0, minutes).Select(m => Fix.Create(from + Duration.FromMinutes(m), from + Duration.FromMinutes(m), Spot, 6))],
        });
}

public sealed class TagFittingTestsSqlite() : TagFittingTests(StoreKind.Sqlite);

public sealed class TagFittingTestsPostgres() : TagFittingTests(StoreKind.Postgres);
