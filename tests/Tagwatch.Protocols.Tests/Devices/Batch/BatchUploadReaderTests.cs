using System.Text;
using Tagwatch.Core.Identity;
using Tagwatch.Protocols.Devices;
using Tagwatch.Protocols.Devices.Batch;

namespace Tagwatch.Protocols.Tests.Devices.Batch;

public sealed class BatchUploadReaderTests
{
    private static BatchUpload Read(string json, Func<TagId, string?>? refuse = null) =>
        BatchUploadReader.Read(Encoding.UTF8.GetBytes(json), refuse ?? (_ => null));

    [Fact]
    public void Read_GoodFixesAndEvents_GivesOneMessagePerDeviceWithItsItemsAsRaw()
    {
        var upload = Read("""
            {"fixes":[{"device_id":"A1","time":"2026-11-25T10:00:00Z","lat":51.5,"lon":-0.1,"accuracy_m":8,"valid":false},
                      {"device_id":"B2","time":"2026-11-25T11:00:00+01:00","lat":51.6,"lon":-0.2}],
             "events":[{"device_id":"A1","time":"2026-11-25T10:01:00Z","kind":"low_battery"}]}
            """);

        Assert.Null(upload.Problem);
        Assert.Equal(3, upload.Items);
        Assert.Empty(upload.Rejected);
        var a1 = upload.Devices.Single(d => d.Device == TagId.Parse("A1"));
        Assert.Equal(BatchUploadReader.ProtocolName, a1.Message.Protocol);
        Assert.Equal("A1", a1.Message.DeviceId);
        var fix = Assert.Single(a1.Message.Positions);
        Assert.False(fix.Valid);
        Assert.Equal(8, fix.AccuracyMetres);
        Assert.Equal([DeviceAlarm.LowBattery], a1.Message.Alarms);
        Assert.StartsWith("[{\"device_id\":\"A1\"", Encoding.UTF8.GetString(a1.Raw), StringComparison.Ordinal);
        Assert.EndsWith("\"low_battery\"}]", Encoding.UTF8.GetString(a1.Raw), StringComparison.Ordinal);
        var b2 = upload.Devices.Single(d => d.Device == TagId.Parse("B2"));
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 25, 10, 0), Assert.Single(b2.Message.Positions).Time);
    }

    [Theory]
    [InlineData("{\"fixes\": [", "The body is not valid JSON")]
    [InlineData("{} {}", "The body is not valid JSON")]
    [InlineData("[1,2]", "The body must be a JSON object with 'fixes' and/or 'events' arrays.")]
    [InlineData("{\"fixes\":{}}", "'fixes' and 'events' must be arrays.")]
    [InlineData("{\"events\":\"x\"}", "'fixes' and 'events' must be arrays.")]
    public void Read_BodyOfTheWrongShape_IsRefusedAsAWholeSayingWhy(string json, string problem)
    {
        var upload = Read(json);

        Assert.Equal(problem, upload.Problem);
        Assert.Empty(upload.Devices);
    }

    [Fact]
    public void Read_InvalidJson_SaysWhereTheReaderStopped()
    {
        var upload = Read("{\"fixes\": [}");

        Assert.Contains("LineNumber: 0 | BytePositionInLine: 11", upload.ProblemDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NestedDeeperThanEightLevels_IsRefused()
    {
        var upload = Read("{\"fixes\":[{\"device_id\":\"A1\",\"x\":[[[[[[[[1]]]]]]]]}]}");

        Assert.Equal("The body is not valid JSON", upload.Problem);
    }

    [Fact]
    public void Read_MoreThanTheMostItems_IsRefusedAsAWholeNamingTheCount()
    {
        string items = string.Join(',', Enumerable.Repeat("{}", BatchUploadReader.MaxItems + 1));

        var upload = Read($"{{\"fixes\":[{items}]}}");

        Assert.Equal($"{BatchUploadReader.MaxItems + 1} items exceed the {BatchUploadReader.MaxItems} allowed in one request.", upload.Problem);
        Assert.Equal(BatchUploadReader.MaxItems + 1, upload.Items);
    }

    [Theory]
    [InlineData("fixes", "42", null, "item", "is not a JSON object")]
    [InlineData("fixes", "{\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0}", null, "device_id", "is required as a string")]
    [InlineData("fixes", "{\"device_id\":\"  \",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0}", null, "device_id", "is required as a string")]
    [InlineData("fixes", "{\"device_id\":\"A1\",\"lat\":51,\"lon\":0}", "A1", "time", "is required as a string")]
    [InlineData("fixes", "{\"device_id\":\"A1\",\"time\":\"yesterday\",\"lat\":51,\"lon\":0}", "A1", "time", "'yesterday' is not an ISO-8601 instant such as 2026-11-25T10:00:00Z")]
    [InlineData("fixes", "{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\",\"lon\":0}", "A1", "lat", "is required")]
    [InlineData("fixes", "{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":91,\"lon\":0}", "A1", "lat", "91 is not a number from -90 to 90")]
    [InlineData("fixes", "{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":\"0\"}", "A1", "lon", "\"0\" is not a number from -180 to 180")]
    [InlineData("fixes", "{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0,\"accuracy_m\":-1}", "A1", "accuracy_m", "-1 is not a number from 0 to 1000000")]
    [InlineData("fixes", "{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0,\"speed_kmh\":10001}", "A1", "speed_kmh", "10001 is not a number from 0 to 10000")]
    [InlineData("fixes", "{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0,\"heading_deg\":361}", "A1", "heading_deg", "361 is not a number from 0 to 360")]
    [InlineData("fixes", "{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0,\"altitude_m\":true}", "A1", "altitude_m", "true is not a number from -10000 to 100000")]
    [InlineData("events", "{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\"}", "A1", "kind", "is required as a string")]
    [InlineData("events", "[]", null, "item", "is not a JSON object")]
    public void Read_BadItem_IsRejectedNamingItsArrayIndexAndField(string array, string bad, string? device, string field, string reason)
    {
        const string good = "{\"device_id\":\"OK1\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0,\"kind\":\"sos\"}";

        var upload = Read($"{{\"{array}\":[{good},{bad}]}}");

        Assert.Null(upload.Problem);
        Assert.Equal(new BatchItemError($"{array}[1]", device, field, reason), Assert.Single(upload.Rejected));
        Assert.Equal("OK1", Assert.Single(upload.Devices).Message.DeviceId);
    }

    [Fact]
    public void Read_UnknownEventKind_ListsTheKindsThereAre()
    {
        var upload = Read("{\"events\":[{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\",\"kind\":\"alien\"}]}");

        var error = Assert.Single(upload.Rejected);
        Assert.Equal(("events[0]", "kind"), (error.Item, error.Field));
        Assert.StartsWith("'alien' is not one of ", error.Reason, StringComparison.Ordinal);
        Assert.Contains("low_battery", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedDeviceId_IsRejectedWithTheIdentifierRule()
    {
        var upload = Read("{\"fixes\":[{\"device_id\":\"a b\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0}]}");

        var error = Assert.Single(upload.Rejected);
        Assert.Equal(("fixes[0]", "a b", "device_id"), (error.Item, error.DeviceId, error.Field));
        Assert.False(string.IsNullOrEmpty(error.Reason));
    }

    [Fact]
    public void Read_DeviceTheSenderMayNotUploadFor_IsRejectedWithTheSendersReason()
    {
        var upload = Read(
            "{\"fixes\":[{\"device_id\":\"A1\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0},{\"device_id\":\"B2\",\"time\":\"2026-11-25T10:00:00Z\",\"lat\":51,\"lon\":0}]}",
            device => device.Value == "B2" ? "not yours" : null);

        Assert.Equal(new BatchItemError("fixes[1]", "B2", "device_id", "not yours"), Assert.Single(upload.Rejected));
        Assert.Equal("A1", Assert.Single(upload.Devices).Message.DeviceId);
    }

    [Fact]
    public void Read_EmptyObject_IsNoItems()
    {
        var upload = Read("{}");

        Assert.Null(upload.Problem);
        Assert.Equal(0, upload.Items);
        Assert.Empty(upload.Devices);
    }
}
