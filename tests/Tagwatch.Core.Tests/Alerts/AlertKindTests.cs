using System.Text.Json;
using Tagwatch.Core.Alerts;
using Tagwatch.Core.Conditions;

namespace Tagwatch.Core.Tests.Alerts;

public sealed class AlertKindTests
{
    [Fact]
    public void All_NamesAreUniqueSnakeCaseAndParseBack()
    {
        Assert.Equal(AlertKind.All.Count, AlertKind.All.Select(k => k.Name).Distinct().Count());
        Assert.All(AlertKind.All, k =>
        {
            Assert.Matches("^[a-z]+(_[a-z]+)*$", k.Name);
            Assert.Same(k, AlertKind.Parse(k.Name));
        });
        Assert.False(AlertKind.TryParse("Exclusion_Breach", out _));
    }

    [Fact]
    public void Json_IsTheNameBothWays()
    {
        string json = JsonSerializer.Serialize(new { type = AlertKind.CriticalBattery });

        Assert.Equal("""{"type":"critical_battery"}""", json);
        Assert.Same(AlertKind.Sos, JsonSerializer.Deserialize<AlertKind>("\"sos\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AlertKind>("\"meteor\""));
    }

    [Theory]
    [InlineData("strap_tamper", AlertSeverity.Critical)]
    [InlineData("case_tamper", AlertSeverity.Critical)]
    [InlineData("sos", AlertSeverity.Critical)]
    [InlineData("power_cut", AlertSeverity.Urgent)]
    [InlineData("power_off", AlertSeverity.Urgent)]
    [InlineData("low_battery", AlertSeverity.Urgent)]
    public void ForDeviceEvent_HealthEvents_AreDeviceAlertsWithTheirSeverity(string eventKind, AlertSeverity severity)
    {
        var kind = AlertKind.ForDeviceEvent(eventKind);

        Assert.Equal((eventKind, severity, AlertCategory.Device), (kind?.Name, kind?.Severity, kind?.Category));
    }

    [Theory]
    [InlineData("exclusion_breach")]
    [InlineData("no_fix")]
    [InlineData("ignition_on")]
    public void ForDeviceEvent_OtherNames_RaiseNothing(string eventKind) => Assert.Null(AlertKind.ForDeviceEvent(eventKind));

    [Fact]
    public void ForCondition_IsTheBreachOfItsCategory()
    {
        Assert.Equal((AlertCategory.Zone, AlertSeverity.Critical), (AlertKind.ForCondition(ConditionKind.Exclusion).Category, AlertKind.ForCondition(ConditionKind.Exclusion).Severity));
        Assert.Equal((AlertCategory.Zone, AlertSeverity.Urgent), (AlertKind.ForCondition(ConditionKind.Inclusion).Category, AlertKind.ForCondition(ConditionKind.Inclusion).Severity));
        Assert.Equal(AlertCategory.Curfew, AlertKind.ForCondition(ConditionKind.Curfew).Category);
        Assert.All(Enum.GetValues<ConditionKind>(), c => Assert.True(AlertKind.ForCondition(c).IsBreach));
    }
}
