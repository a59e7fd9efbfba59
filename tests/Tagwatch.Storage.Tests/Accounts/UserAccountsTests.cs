using NodaTime;
using OtpNet;
using Tagwatch.Application.Accounts;
using Tagwatch.Core.Access;
using Tagwatch.Core.Geo;
using Tagwatch.Core.Offenders;
using Tagwatch.Core.Scheme;
using Tagwatch.Storage.Accounts;
using Tagwatch.Tests;

namespace Tagwatch.Storage.Tests.Accounts;

public abstract class UserAccountsTests(StoreKind kind)
{
    private const string Password = "correct horse battery staple";

    private static NewUser Police(string name = "sam.police", params string[] boroughs) =>
        new(name, Role.Police, boroughs.Length == 0 ? ["Lambeth"] : boroughs, []);

    [Fact]
    public async Task A_new_account_without_a_password_gets_a_one_time_password_that_signs_in_and_must_be_changed()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var accounts = db.Accounts;

        var (account, oneTime) = await accounts.CreateAsync(Police());

        Assert.NotNull(oneTime);
        Assert.True(account.MustChangePassword);
        Assert.Equal(["E09000022"], account.Boroughs);
        var (outcome, userId, _) = await accounts.CheckSignInAsync("sam.police", oneTime, null);
        Assert.Equal(SignInOutcome.Succeeded, outcome);
        await accounts.ChangePasswordAsync(userId!, oneTime, Password);
        Assert.False((await accounts.GetAsync("sam.police")).MustChangePassword);
        Assert.Equal(SignInOutcome.Failed, (await accounts.CheckSignInAsync("sam.police", oneTime, null)).Outcome);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_until_an_administrator_resets_it()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var accounts = db.Accounts;
        await accounts.CreateAsync(Police(), Password);

        for (int i = 0; i < IdentitySetup.MaxFailedSignIns - 1; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await accounts.CheckSignInAsync("sam.police", "wrong password!!", null)).Outcome);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await accounts.CheckSignInAsync("sam.police", "wrong password!!", null)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.CheckSignInAsync("sam.police", Password, null)).Outcome);
        Assert.True((await accounts.GetAsync("sam.police")).LockedOut);

        string oneTime = await accounts.ResetPasswordAsync("sam.police");
        Assert.False((await accounts.GetAsync("sam.police")).LockedOut);
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.CheckSignInAsync("sam.police", oneTime, null)).Outcome);
    }

    [Fact]
    public async Task Accounts_are_listed_in_the_order_of_their_names_bytes_on_either_database()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        string[] names = ["sam.police", "Sam.Smith", "sam-jones", "SAMPSON", "s.adams"];
        foreach (string name in names)
        {
            await db.Accounts.CreateAsync(Police(name), Password);
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), (await db.Accounts.ListAsync()).Select(a => a.Username));
    }

    [Fact]
    public async Task Unknown_names_and_short_passwords_are_refused()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var accounts = db.Accounts;

        Assert.Equal(SignInOutcome.Failed, (await accounts.CheckSignInAsync("nobody", Password, null)).Outcome);
        var weak = await Assert.ThrowsAsync<ArgumentException>(() => accounts.CreateAsync(Police(), "short"));
        Assert.Contains("at least 12 characters", weak.Message, StringComparison.Ordinal);
        var duplicate = await Record.ExceptionAsync(async () =>
        {
            await accounts.CreateAsync(Police(), Password);
            await accounts.CreateAsync(Police(), Password);
        });
        Assert.Contains("already taken", Assert.IsType<ArgumentException>(duplicate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scope_follows_the_role_police_need_boroughs_and_only_probation_has_a_caseload_of_enrolled_people()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var accounts = db.Accounts;
        var offender = (await db.Offenders.EnrolAsync(Enrolment())).Offender!;

        Assert.Contains("at least one borough", (await Assert.ThrowsAsync<ArgumentException>(() => accounts.CreateAsync(new NewUser("p", Role.Police, [], []), Password))).Message, StringComparison.Ordinal);
        Assert.Contains("'Narnia' is not a London borough", (await Assert.ThrowsAsync<ArgumentException>(() => accounts.CreateAsync(Police("p", "Narnia"), Password))).Message, StringComparison.Ordinal);
        Assert.Contains("Only police", (await Assert.ThrowsAsync<ArgumentException>(() => accounts.CreateAsync(new NewUser("a", Role.Administrator, ["Lambeth"], []), Password))).Message, StringComparison.Ordinal);
        Assert.Contains("Only probation", (await Assert.ThrowsAsync<ArgumentException>(() => accounts.CreateAsync(new NewUser("m", Role.MonitoringOfficer, [], [offender.Reference.ToString()]), Password))).Message, StringComparison.Ordinal);
        Assert.Contains("TW-99999", (await Assert.ThrowsAsync<ArgumentException>(() => accounts.CreateAsync(new NewUser("o", Role.ProbationOfficer, [], ["TW-99999"]), Password))).Message, StringComparison.Ordinal);

        var (officer, _) = await accounts.CreateAsync(new NewUser("pat.probation", Role.ProbationOfficer, [], [offender.Reference.ToString()]), Password);
        var actor = await accounts.ActorAsync(officer.Id);
        Assert.Equal(Role.ProbationOfficer, actor!.Role);
        Assert.True(AccessPolicy.CoversOffender(actor, offender.Reference.ToString()));
        Assert.Empty(await accounts.ListAsync("nobody"));
    }

    [Fact]
    public async Task Tokens_act_for_their_owner_until_revoked_expired_or_the_account_is_disabled()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var accounts = db.Accounts;
        var (owner, _) = await accounts.CreateAsync(Police(), Password);
        var (first, firstSecret) = await accounts.CreateTokenAsync("sam.police", "records system", TimeSpan.FromDays(30));
        var (_, secondSecret) = await accounts.CreateTokenAsync("sam.police", "short", TimeSpan.FromHours(1));

        Assert.StartsWith(UserAccounts.TokenPrefix, firstSecret, StringComparison.Ordinal);
        Assert.Equal(owner.Id, await accounts.ResolveTokenAsync(firstSecret));
        Assert.Null(await accounts.ResolveTokenAsync(firstSecret + "x"));
        Assert.Null(await accounts.ResolveTokenAsync("twd_device-secret"));

        db.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Null(await accounts.ResolveTokenAsync(secondSecret));
        Assert.NotNull((await accounts.ListTokensAsync("sam.police"))[0].LastUsed);

        Assert.True(await accounts.RevokeTokenAsync(first.Id));
        Assert.Null(await accounts.ResolveTokenAsync(firstSecret));
        Assert.False(await accounts.RevokeTokenAsync(999));
    }

    [Fact]
    public async Task Disabling_revokes_the_accounts_tokens_so_enabling_it_again_does_not_revive_them()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var accounts = db.Accounts;
        var (owner, _) = await accounts.CreateAsync(Police(), Password);
        var (_, secret) = await accounts.CreateTokenAsync("sam.police", "records system", TimeSpan.FromDays(30));

        await accounts.SetDisabledAsync("sam.police", true);
        Assert.Null(await accounts.ActorAsync(owner.Id));
        await accounts.SetDisabledAsync("sam.police", false);

        Assert.NotNull(await accounts.ActorAsync(owner.Id));
        Assert.Null(await accounts.ResolveTokenAsync(secret));
        Assert.NotNull((await accounts.ListTokensAsync("sam.police")).Single().Revoked);
    }

    [Fact]
    public async Task A_session_stands_until_signed_out_on_the_server()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var accounts = db.Accounts;
        await accounts.CreateAsync(Police(), Password);
        var (_, userId, stamp) = await accounts.CheckSignInAsync("sam.police", Password, null);
        string first = await accounts.StartSessionAsync(userId!, TimeSpan.FromHours(12));
        string second = await accounts.StartSessionAsync(userId!, TimeSpan.FromHours(12));

        await accounts.EndSessionAsync(userId!, first);

        Assert.NotEqual(first, second);
        Assert.False(await accounts.IsSessionCurrentAsync(userId!, first, stamp));
        Assert.True(await accounts.IsSessionCurrentAsync(userId!, second, stamp));
        Assert.False(await accounts.IsSessionCurrentAsync(userId!, "made-up", stamp));
    }

    [Fact]
    public async Task A_second_factor_once_confirmed_is_required_at_sign_in()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var accounts = db.Accounts;
        var (account, _) = await accounts.CreateAsync(Police(), Password);
        string key = await accounts.ResetAuthenticatorKeyAsync(account.Id);
        var phone = new Totp(Base32Encoding.ToBytes(key));

        Assert.False(await accounts.ConfirmAuthenticatorAsync(account.Id, "000000") && phone.ComputeTotp() != "000000");
        Assert.True(await accounts.ConfirmAuthenticatorAsync(account.Id, phone.ComputeTotp()));

        Assert.Equal(SignInOutcome.SecondFactorRequired, (await accounts.CheckSignInAsync("sam.police", Password, null)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.CheckSignInAsync("sam.police", Password, phone.ComputeTotp())).Outcome);
    }

    [Fact]
    public async Task A_reset_gives_a_new_one_time_password_unlocks_and_ends_sessions_and_tokens()
    {
        await using var db = await TemporaryDatabase.CreateAsync(kind);
        var accounts = db.Accounts;
        await accounts.CreateAsync(Police(), Password);
        var (_, userId, stamp) = await accounts.CheckSignInAsync("sam.police", Password, null);
        string session = await accounts.StartSessionAsync(userId!, TimeSpan.FromHours(12));
        var (_, secret) = await accounts.CreateTokenAsync("sam.police", "records system", TimeSpan.FromDays(30));

        string oneTime = await accounts.ResetPasswordAsync("sam.police");

        Assert.False(await accounts.IsSessionCurrentAsync(userId!, session, stamp));
        Assert.Null(await accounts.ResolveTokenAsync(secret));
        Assert.Equal(SignInOutcome.Failed, (await accounts.CheckSignInAsync("sam.police", Password, null)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await accounts.CheckSignInAsync("sam.police", oneTime, null)).Outcome);
    }

    private static EnrolmentRequest Enrolment() => new()
    {
        Person = new PersonalDetails("Sam", "Example", new LocalDate(1995, 1, 1)),
        IndexOffences = [IndexOffence.WeaponPossession],
        CustodialSentenceServed = true,
        GpsLicenceCondition = true,
        LicenceStart = new LocalDate(2019, 3, 1),
        LicenceEnd = new LocalDate(2019, 12, 31),
        ReleaseAddress = new GeoPoint(51.3762, -0.0982),
        RiskTier = RiskTier.Medium,
    };
}

public sealed class UserAccountsTestsSqlite() : UserAccountsTests(StoreKind.Sqlite);

public sealed class UserAccountsTestsPostgres() : UserAccountsTests(StoreKind.Postgres);
