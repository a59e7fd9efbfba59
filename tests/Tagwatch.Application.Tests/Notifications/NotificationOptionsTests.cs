using Tagwatch.Application.Notifications;

namespace Tagwatch.Application.Tests.Notifications;

/// <summary>The checks of the notification settings: each problem names its configuration key.</summary>
public sealed class NotificationOptionsTests
{
    private static readonly NotificationOptions Usable = new()
    {
        Enabled = true, SmtpHost = "smtp.example.gov.uk", From = "tagwatch@example.gov.uk", OnCallAddress = "on.call@example.gov.uk",
        EscalationAddress = "duty.manager@example.gov.uk", Username = "tagwatch", Password = "secret",
    };

    [Fact]
    public void Validate_Defaults_AreValidAndOff()
    {
        var defaults = new NotificationOptions();

        Assert.Empty(defaults.Validate());
        Assert.False(defaults.Enabled);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), defaults.PublicBaseUrl);
    }

    [Fact]
    public void Validate_UsableSettings_HaveNoProblems() => Assert.Empty(Usable.Validate());

    [Fact]
    public void Validate_EnabledWithoutServerOrAddresses_NamesEachKey()
    {
        var problems = new NotificationOptions { Enabled = true }.Validate();

        foreach (string key in new[] { "SmtpHost", "From", "OnCallAddress", "EscalationAddress" })
        {
            Assert.Contains(problems, p => p.StartsWith($"Tagwatch:Notifications:{key}:", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("SmtpPort")]
    [InlineData("EscalateAfterMinutes")]
    [InlineData("NotifyAfterMinutes")]
    [InlineData("OnCallAddress")]
    [InlineData("Security")]
    [InlineData("Password")]
    [InlineData("PublicBaseUrl")]
    [InlineData("CheckEverySeconds")]
    public void Validate_OneBadValue_IsNamed(string key)
    {
        var bad = key switch
        {
            "SmtpPort" => Usable with { SmtpPort = 70_000 },
            "EscalateAfterMinutes" => Usable with { EscalateAfterMinutes = 10, NotifyAfterMinutes = 10 },
            "NotifyAfterMinutes" => Usable with { NotifyAfterMinutes = -1 },
            "OnCallAddress" => Usable with { OnCallAddress = "on call" },
            "Security" => Usable with { Security = SmtpSecurity.None },
            "Password" => Usable with { Password = null },
            "PublicBaseUrl" => Usable with { PublicBaseUrl = new Uri("ftp://example.gov.uk") },
            "CheckEverySeconds" => Usable with { CheckEverySeconds = 0 },
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };

        var problem = Assert.Single(bad.Validate());
        Assert.StartsWith($"Tagwatch:Notifications:{key}:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainSmtpWithAPasswordToALocalRelay_IsAllowed() =>
        Assert.Empty((Usable with { Security = SmtpSecurity.None, SmtpHost = "127.0.0.1" }).Validate());

    [Fact]
    public void ToString_NeverShowsThePassword() =>
        Assert.DoesNotContain("secret", Usable.ToString(), StringComparison.Ordinal);
}
