using Tagwatch.Cli.Hosting;
using System.ComponentModel;
using System.Text.Json;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;
using Tagwatch.Cli.Infrastructure;
using Tagwatch.Protocols.Devices;

namespace Tagwatch.Cli.Commands;

/// <summary><c>tagwatch decode --protocol NAME PAYLOAD|-</c> (a protocol of <see cref="DeviceProtocols"/>): a captured frame, decoded, as one JSON object per payload.</summary>
internal sealed class DecodeCommand : Command<DecodeCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--protocol <PROTOCOL>")]
        [Description("The device protocol, e.g. gt06 (hex), h02 (text, or hex for binary), osmand (request line, URL or JSON body) or nmea (a sentence); another value lists them all.")]
        public string Protocol { get; init; } = "";

        [CommandArgument(0, "[PAYLOAD]")]
        [Description("The captured payload, or '-' to read one payload per line from standard input.")]
        public string? Payload { get; init; }

        [CommandOption("--stdin")]
        [Description("Read one payload per line from standard input (what '-' stands for).")]
        public bool Stdin { get; init; }

        public override ValidationResult Validate()
        {
            try
            {
                OptionParsers.Protocol(Protocol, "--protocol");
            }
            catch (ArgumentException ex)
            {
                return ValidationResult.Error(ex.Message);
            }

            return Stdin == (Payload is not null) ? ValidationResult.Error("give one PAYLOAD, or '-' to read payloads from standard input") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var protocol = OptionParsers.Protocol(settings.Protocol, "--protocol");
        var decoder = new CapturedPayloadDecoder(protocol.Name);
        var received = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());
        bool allDecoded = true;
        using var stdout = CliContext.Current.OpenStandardOutput();
        foreach (string payload in settings.Stdin ? StandardInputLines() : [settings.Payload!])
        {
            var results = decoder.Decode(payload, received);
            allDecoded &= results.All(r => r.IsSuccess);
            using (var json = new Utf8JsonWriter(stdout))
            {
                json.WriteStartObject();
                json.WriteString("protocol", protocol.Name);
                json.WriteString("payload", payload.Trim());
                json.WriteStartArray("messages");
                foreach (var message in results.Where(r => r.IsSuccess))
                {
                    DeviceMessageJson.Write(json, message.Message!);
                }

                json.WriteEndArray();
                json.WriteStartArray("errors");
                foreach (var failure in results.Where(r => !r.IsSuccess))
                {
                    json.WriteStringValue(failure.Error);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            stdout.WriteByte((byte)'\n');
        }

        return allDecoded ? ExitCodes.Ok : ExitCodes.RowsRejected;
    }

    private static IEnumerable<string> StandardInputLines()
    {
        while (CliContext.Current.In.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                yield return line;
            }
        }
    }
}
