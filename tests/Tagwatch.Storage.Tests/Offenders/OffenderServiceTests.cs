using NodaTime;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Identity;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Offenders;

public abstract class OffenderServiceTests(StoreKind kind)
{
    private static EnrolmentRequest Request(int i = 0) => new()
    {
        Person = new PersonalDetails("Sam", $"Example{i}", new LocalDate(1995, 1, 1)),
        IndexOffences = [IndexOffence.WeaponPossession],
        CustodialSentenceServed = true,
        GpsLicenceCondition = true,
        LicenceStart = new LocalDate(2019, 3, 1),
        LicenceEnd = new LocalDate(2019, 12, 31),
        ReleaseAddress = new GeoPoint(51.3762, -0.0982), // Croydon
        RiskTier = RiskTier.Medium,
    };

    [Fact]
    public async Task Enrol_EligiblePerson_IsStoredWithDetailsApartAndRiskHistory()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);

        var result = await db.Offenders.EnrolAsync(Request());

        Assert.NotNull(result.Offender);
        Assert.Equal("TW-00001", result.Offender.Reference.Value);
        var (offender, person, history) = await db.Offenders.ShowAsync(result.Offender.Reference);
        Assert.Equal("E09000008", offender.HomeBoroughCode);
        Assert.Equal("Example0", person!.FamilyName);
        Assert.Equal(RiskTier.Medium, Assert.Single(history).Tier);
        Assert.Equal(OffenderStatus.Active, offender.Status); // the fake clock is 2019-03-01
    }

    [Fact]
    public async Task Enrol_HundredAndFirstPerson_IsRefusedUntilCapacityIsRaised()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        for (int i = 0; i < 100; i++)
        {
            Assert.NotNull((await db.Offenders.EnrolAsync(Request(i))).Offender);
        }

        var refused = await db.Offenders.EnrolAsync(Request(100));
        Assert.Null(refused.Offender);
        Assert.Equal(EnrolmentRule.Capacity, Assert.Single(refused.Decision.Refusals).Rule);

        await db.OffenderStore.SaveSchemeAsync(SchemeSettings.LondonPilot with { Capacity = 101 });
        Assert.NotNull((await db.Offenders.EnrolAsync(Request(100))).Offender);
        Assert.Equal(101, (await db.Offenders.ListAsync()).Count);
    }

    [Fact]
    public async Task AddIfCapacity_ManyAtOnceForTheLastPlaces_AddsExactlyAsManyAsThereArePlaces()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var day = new LocalDate(2019, 3, 1);
        var enrolledAt = Instant.FromUtc(2019, 3, 1, 12, 0);

        var added = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => db.OffenderStore.AddIfCapacityAsync(
            Person(i, day), Request(i).Person, new RiskTierChange(RiskTier.Medium, day, "assessed at enrolment", enrolledAt), 3, day, enrolledAt))));

        Assert.Equal(3, added.Count(a => a));
        Assert.Equal(3, await db.OffenderStore.CountMonitoredAsync(day));
    }

    private static Offender Person(int i, LocalDate start) => new()
    {
        Id = OffenderId.New(),
        Reference = OffenderReference.FromSequence(i),
        IndexOffences = [IndexOffence.WeaponPossession],
        RiskTier = RiskTier.Medium,
        HomeBoroughCode = "E09000008",
        HomeAddress = new GeoPoint(51.3762, -0.0982),
        LicenceStart = start,
        LicenceEnd = start.PlusMonths(6),
        MonitoringStart = start,
        MonitoringEnd = start.PlusMonths(6),
        Status = OffenderStatus.Active,
    };

    [Fact]
    public async Task Enrol_AfterSomeoneEnded_TheirPlaceIsFreeFromTheDayAfter()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        await db.OffenderStore.SaveSchemeAsync(SchemeSettings.LondonPilot with { Capacity = 1 });
        var first = (await db.Offenders.EnrolAsync(Request(1))).Offender!;
        await db.Offenders.EndAsync(first.Reference, "recalled to custody", new LocalDate(2019, 3, 10));

        var sameDay = await db.Offenders.EnrolAsync(Request(2) with { LicenceStart = new LocalDate(2019, 3, 10) });
        var dayAfter = await db.Offenders.EnrolAsync(Request(2) with { LicenceStart = new LocalDate(2019, 3, 11) });

        Assert.Null(sameDay.Offender);
        Assert.NotNull(dayAfter.Offender);
    }

    [Fact]
    public async Task Enrol_SameNamesAndDateOfBirthAsSomeoneEnrolled_IsAcceptedWithAWarning()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var first = await db.Offenders.EnrolAsync(Request());
        var otherBirthday = await db.Offenders.EnrolAsync(Request() with { Person = new PersonalDetails("Sam", "Example0", new LocalDate(1995, 1, 2)) });

        var again = await db.Offenders.EnrolAsync(Request() with { Person = new PersonalDetails(" sam", "EXAMPLE0 ", new LocalDate(1995, 1, 1)) });

        Assert.Empty(first.Warnings);
        Assert.Empty(otherBirthday.LikelyDuplicates);
        Assert.NotNull(again.Offender);
        Assert.Equal([first.Offender!.Reference], again.LikelyDuplicates);
        Assert.Contains(first.Offender.Reference.Value, Assert.Single(again.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_ReferenceInUse_Throws()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        await db.Offenders.EnrolAsync(Request(), OffenderReference.Parse("TW-00007"));

        await Assert.ThrowsAsync<ArgumentException>(() => db.Offenders.EnrolAsync(Request(1), OffenderReference.Parse("tw-00007")));
    }

    [Fact]
    public async Task ChangeRiskTier_KeepsEveryChangeWithItsReason()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var offender = (await db.Offenders.EnrolAsync(Request())).Offender!;

        await db.Offenders.ChangeRiskTierAsync(offender.Reference, RiskTier.VeryHigh, "new intelligence", new LocalDate(2019, 4, 1));

        var (now, _, history) = await db.Offenders.ShowAsync(offender.Reference);
        Assert.Equal(RiskTier.VeryHigh, now.RiskTier);
        Assert.Equal([RiskTier.Medium, RiskTier.VeryHigh], history.Select(h => h.Tier));
        Assert.Equal("new intelligence", history[1].Reason);
    }

    [Fact]
    public async Task End_Twice_Throws_AndUnknownReferenceThrows()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var offender = (await db.Offenders.EnrolAsync(Request())).Offender!;
        await db.Offenders.EndAsync(offender.Reference, "licence expired");

        await Assert.ThrowsAsync<Core.NotAllowedNowException>(() => db.Offenders.EndAsync(offender.Reference, "again"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => db.Offenders.EndAsync(OffenderReference.Parse("TW-99999"), "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => db.Offenders.ChangeRiskTierAsync(offender.Reference, RiskTier.Low, " "));
    }

    [Fact]
    public async Task Scheme_SavedSettings_ReadBackEqual()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var changed = SchemeSettings.LondonPilot with { Capacity = 250, BoroughCodes = ["E09000022"], CorrelationMinimumTier = RiskTier.High };

        await db.OffenderStore.SaveSchemeAsync(changed);
        var read = await db.OffenderStore.GetSchemeAsync();

        Assert.Equal(250, read.Capacity);
        Assert.Equal(["E09000022"], read.BoroughCodes);
        Assert.Equal(RiskTier.High, read.CorrelationMinimumTier);
        Assert.Equal(changed.EligibleOffences, read.EligibleOffences);
    }
}

public sealed class OffenderServiceTestsSqlite() : OffenderServiceTests(StoreKind.Sqlite);

public sealed class OffenderServiceTestsPostgres() : OffenderServiceTests(StoreKind.Postgres);
