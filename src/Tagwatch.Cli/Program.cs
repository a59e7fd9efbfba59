using Tagwatch.Cli.Hosting;

return await CliHost.RunAsync(CliContext.Current, args);
