using Tagwatch.Storage;

namespace Tagwatch.Server.Tests;

/// <summary>A wrong street map tile source stops the server's start with the settings' section and every problem named.</summary>
public sealed class MapTileSettingsTests
{
    [Fact]
    public async Task Build_TileTemplateNotHttpAndWithoutXyz_IsRefusedNamingEachProblem()
    {
        string directory = Path.Combine(Path.GetTempPath(), "tagwatch-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var services = await TagwatchServices.OpenAsync(Path.Combine(directory, "tagwatch.db"), TimeProvider.System);
            var options = new ServerOptions { Database = services.Sqlite.Path, Urls = "http://127.0.0.1:0", OsmAndPort = 0, Gt06Port = 0, H02Port = 0 };

            var refused = Assert.Throws<ArgumentException>(() => _ = TagwatchServer.Build(options, services.Database, TimeProvider.System,
                ["--Tagwatch:Map:Tiles:TileUrlTemplate=ftp://tiles.example/{z}/{x}.png"]));

            Assert.Contains("Invalid map tile settings (Tagwatch:Map:Tiles)", refused.Message, StringComparison.Ordinal);
            Assert.Contains("TileUrlTemplate: 'ftp://tiles.example/{z}/{x}.png' has no {y}", refused.Message, StringComparison.Ordinal);
            Assert.Contains("is not an http:// or https:// address", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Attribution: required", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
