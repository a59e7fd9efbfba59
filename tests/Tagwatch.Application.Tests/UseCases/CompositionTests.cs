using Microsoft.Extensions.DependencyInjection;
using Tagwatch.Application.Accounts;
using Tagwatch.Application.Correlation;
using Tagwatch.Application.Monitoring;
using Tagwatch.Application.UseCases;

namespace Tagwatch.Application.Tests.UseCases;

public sealed class CompositionTests
{
    [Fact]
    public async Task AddTagwatchApplication_OnTheSqliteStores_BuildsEveryRegisteredServiceWithItsDependencies()
    {
        // ValidateOnBuild resolves every registration's constructor: a use case whose store is not registered fails here.
        await using var host = await UseCaseHost.StartAsync();

        Assert.NotNull(host.Get<ScoredCorrelation>());
        Assert.NotNull(host.Get<MatchReview>());
        Assert.NotNull(host.Get<LicenceMonitor>());
        Assert.NotNull(host.Get<AccountApprovals>());
    }

    [Fact]
    public async Task AddTagwatchApplication_SettingsRegisteredFirst_AreTheOnesUsed()
    {
        var strict = new AccountApprovalOptions(RequireSecondApproval: false);
        await using var host = await UseCaseHost.StartAsync(services => services.AddSingleton(strict));

        Assert.Same(strict, host.Get<AccountApprovalOptions>());
        Assert.Same(host.Clock, host.Get<TimeProvider>());
    }

    [Fact]
    public void UseCaseResult_Failed_HasNoValueAndSaysWhy()
    {
        UseCaseResult<int> failed = UseCaseFailure.Invalid("radius", "must be positive");

        Assert.False(failed.Succeeded);
        Assert.Equal(FailureKind.Invalid, failed.Failure.Kind);
        Assert.Equal("radius", failed.Failure.Field);
        Assert.Throws<InvalidOperationException>(() => failed.Value);
    }

    [Fact]
    public void UseCaseResult_Succeeded_HasItsValue()
    {
        UseCaseResult<int> ok = 42;

        Assert.True(ok.Succeeded);
        Assert.Null(ok.Failure);
        Assert.Equal(42, ok.Value);
    }
}
