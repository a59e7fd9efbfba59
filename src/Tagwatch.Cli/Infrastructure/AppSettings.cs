using Tagwatch.Cli.Hosting;
using Microsoft.Extensions.Configuration;
using Tagwatch.Application.Fixes;

namespace Tagwatch.Cli.Infrastructure;

/// <summary>Settings every command shares: appsettings.json in the working folder, then environment variables
/// (<c>Tagwatch__Accuracy__DefaultMetres</c>…), so the server and the console judge fixes alike.</summary>
internal static class AppSettings
{
    /// <summary>The configuration as read now.</summary>
    public static IConfiguration Read()
    {
        var context = CliContext.Current;
        var builder = new ConfigurationBuilder().AddJsonFile(Path.Combine(context.WorkingDirectory, "appsettings.json"), optional: true);
        return (context.IsProcess
                ? builder.AddEnvironmentVariables()
                : builder.AddInMemoryCollection(context.Environment.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value))))
            .Build();
    }

    /// <summary>How fixes are judged, with the accuracy estimate of section <c>Tagwatch:Accuracy</c> (per-model defaults
    /// under <c>Models</c>).</summary>
    /// <exception cref="ArgumentException">The section holds an impossible value; the message names each.</exception>
    public static FixQualityRules Quality(IConfiguration configuration)
    {
        var accuracy = configuration.GetSection("Tagwatch:Accuracy").Get<AccuracyEstimator>() ?? new AccuracyEstimator();
        var problems = accuracy.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid accuracy settings:\n  " + string.Join("\n  ", problems));
        }

        return new FixQualityRules { Accuracy = accuracy };
    }

    /// <summary>
    /// Whether scope grants wait for a second administrator (<c>Tagwatch:Accounts:RequireSecondApproval</c>, default true),
    /// as the server reads it.
    /// </summary>
    public static bool RequireSecondApproval(IConfiguration configuration) =>
        configuration.GetValue("Tagwatch:Accounts:RequireSecondApproval", true);
}
