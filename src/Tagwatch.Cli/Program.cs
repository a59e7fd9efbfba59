using Spectre.Console.Cli;
using Tagwatch.Cli;

var app = new CommandApp();
app.Configure(CommandLine.Configure);
return await app.RunAsync(CommandLine.HoistGlobalOptions(args));
