using System.Reflection;
using Tagwatch.Storage;

namespace Tagwatch.Simulation.Tests;

/// <summary>The simulator stays outside the product: only the console and the benchmarks may reference it.</summary>
public sealed class PlacementTests
{
    [Fact]
    public void ProductAssemblies_DoNotReferenceTheSimulator()
    {
        string simulator = typeof(PilotSimulation).Assembly.GetName().Name!;
        Assembly[] product = [typeof(Application.Offenders.OffenderService).Assembly, typeof(TagwatchServices).Assembly];

        foreach (var assembly in product)
        {
            Assert.DoesNotContain(simulator, assembly.GetReferencedAssemblies().Select(a => a.Name));
        }
    }
}
