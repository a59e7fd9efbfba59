using Tagwatch.Application.Audit;
using Tagwatch.Application.Ingest;
using Tagwatch.Application.Tags;
using Tagwatch.Application.UseCases;
using Tagwatch.Core.Access;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Tests.Tags;

/// <summary>Upload credentials and refused devices, as administrators handle them through either door.</summary>
public sealed class DeviceCredentialUseCasesTests : IAsyncLifetime
{
    private const string Imei = "359881030000031";
    private static readonly Actor Admin = Actor.Unscoped("ada", Role.Administrator);

    private UseCaseHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await UseCaseHost.StartAsync();
        await _host.Get<RegisterTag>().ExecuteAsync(Admin, new RegisterTagRequest(Imei, "osmand"), CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task CreateAndRevoke_AreAudited_AndTheSecretWorksOnlyUntilRevoked()
    {
        var created = await Create(new CreateDeviceCredentialRequest(Imei, " phone 12 "));
        var revoked = await _host.Get<RevokeDeviceCredential>().ExecuteAsync(Admin, new RevokeDeviceCredentialRequest(created.Value.Credential.Id), CancellationToken.None);

        Assert.Equal(("phone 12", (TagId?)TagId.Parse(Imei)), (created.Value.Credential.Name, created.Value.Credential.Tag));
        Assert.StartsWith(DeviceCredential.SecretPrefix, created.Value.Secret, StringComparison.Ordinal);
        Assert.True(revoked.Succeeded);
        Assert.Null(await _host.Get<IDeviceCredentialStore>().VerifyAsync(created.Value.Secret));
        string id = created.Value.Credential.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audited = await CredentialAuditAsync();
        Assert.Equal(
            [
                new AuditEvent("ada", "Administrator", AuditActions.ChangeSettings, "credential", id, $"device credential 'phone 12' created (device {Imei})"),
                new AuditEvent("ada", "Administrator", AuditActions.ChangeSettings, "credential", id, "device credential revoked"),
            ],
            audited);
        Assert.DoesNotContain(audited, e => e.Data.Contains(created.Value.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_ShowsGatewaysAndDevices_NewestFirst()
    {
        await Create(new CreateDeviceCredentialRequest(Imei, "phone"));
        await Create(new CreateDeviceCredentialRequest(null, "vendor gateway"));

        var listed = await _host.Get<ListDeviceCredentials>().ExecuteAsync(Admin, new ListDeviceCredentialsRequest(), CancellationToken.None);

        Assert.Equal([("vendor gateway", true), ("phone", false)], listed.Value.Select(c => (c.Name, c.IsGateway)));
    }

    [Fact]
    public async Task Create_WithoutAName_ForABadOrUnregisteredTag_NamesTheFieldOrIsNotFound()
    {
        var unnamed = await Create(new CreateDeviceCredentialRequest(Imei, " "));
        var tooLong = await Create(new CreateDeviceCredentialRequest(null, new string('n', CreateDeviceCredential.MaxName + 1)));
        var garbled = await Create(new CreateDeviceCredentialRequest("not a tag!", "phone"));
        var unregistered = await Create(new CreateDeviceCredentialRequest("359881030000099", "phone"));

        Assert.Equal("name", unnamed.Failure?.Field);
        Assert.Equal("name", tooLong.Failure?.Field);
        Assert.Equal("tag", garbled.Failure?.Field);
        Assert.Equal(FailureKind.NotFound, unregistered.Failure?.Kind);
        Assert.Empty(await _host.Get<IDeviceCredentialStore>().ListAsync());
    }

    [Fact]
    public async Task Revoke_AnUnknownCredential_IsNotFoundAndNotAudited()
    {
        var result = await _host.Get<RevokeDeviceCredential>().ExecuteAsync(Admin, new RevokeDeviceCredentialRequest(42), CancellationToken.None);

        Assert.Equal(FailureKind.NotFound, result.Failure?.Kind);
        Assert.Empty(await CredentialAuditAsync());
    }

    [Fact]
    public async Task ListRefused_GivesTheCountedRefusals()
    {
        var seen = NodaTime.Instant.FromUtc(2019, 3, 1, 10, 0);
        var commit = new IngestCommit();
        var refused = new RefusedDevice("31337", "h02", seen, seen, 3, "192.0.2.7:4000") { Detail = "device '31337' is not registered" };
        commit.Refused[refused.Key] = refused;
        await _host.Get<IIngestStore>().CommitAsync(commit);

        var listed = await _host.Get<ListRefusedDevices>().ExecuteAsync(Admin, new ListRefusedDevicesRequest(), CancellationToken.None);

        var only = Assert.Single(listed.Value);
        Assert.Equal(("31337", "h02", 3L, RefusalReason.Unregistered), (only.DeviceId, only.Protocol, only.Messages, only.Reason));
    }

    private async Task<List<AuditEvent>> CredentialAuditAsync() =>
        (await _host.Get<IAuditLog>().SearchAsync(new AuditQuery(Action: AuditActions.ChangeSettings))).Select(e => e.Event).Where(e => e.SubjectType == "credential").ToList();

    private Task<UseCaseResult<CreatedDeviceCredential>> Create(CreateDeviceCredentialRequest request) =>
        _host.Get<CreateDeviceCredential>().ExecuteAsync(Admin, request, CancellationToken.None);
}
