using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tagwatch.Application.Monitoring;
using Tagwatch.Core.Access;
using Tagwatch.Server.Security;

namespace Tagwatch.Server.Api;

/// <summary>
/// <c>GET /api/v1/alerts/stream</c>: alert changes as server-sent events (<c>event: alert</c>, JSON data) the moment the
/// monitor makes them, with a comment line every <see cref="ServerOptions.AlertStreamHeartbeat"/> (15 s) on the server's clock to keep proxies from closing the stream. Probation officers see
/// their caseload's alerts only. Opening the stream is audited once.
/// </summary>
/// <remarks>
/// A stream outlives the authorisation that opened it, so the account is read again before each alert and with each
/// heartbeat: a scope change (caseload, role) applies to the next alert, and once the credentials no longer stand — the
/// account disabled, its role without <see cref="Permission.ViewAlerts"/>, the session signed out or expired, the token
/// revoked — the stream says why (<c>event: end</c>) and closes.
/// </remarks>
internal static class AlertStreamEndpoint
{
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> HandleAsync(HttpContext http, WatchAlerts watchAlerts, ServerOptions options, TimeProvider clock)
    {
        var opened = await watchAlerts.ExecuteAsync(await http.RequiredActorAsync(), new WatchAlertsRequest(), http.RequestAborted);
        if (!opened.Succeeded)
        {
            return UseCaseAnswers.Problem(opened.Failure);
        }

        var watch = opened.Value;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.Body.FlushAsync(http.RequestAborted);

        using var writeLock = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var heartbeats = HeartbeatAsync(http, writeLock, stop, options.AlertStreamHeartbeat, clock);
        try
        {
            await foreach (var change in watch.ChangesAsync(stop.Token))
            {
                if (await StillAllowedAsync(http, stop.Token) is not { } current)
                {
                    await EndAsync(http, writeLock, stop);
                    break;
                }

                if (await watch.SeenByAsync(current, change.Alert, stop.Token) is not { } seen)
                {
                    continue;
                }

                string data = JsonSerializer.Serialize(AlertEventResponse.Of(change.Action, seen), json);
                await WriteAsync(http, writeLock, $"event: alert\nid: {seen.Alert.Id}\ndata: {data}\n\n", stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away, or the heartbeat found the account no longer allowed and ended the stream.
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeats;
        }

        return TypedResults.Empty;
    }

    /// <summary>Keeps proxies from closing a quiet stream, and ends it when the account is no longer allowed even if no alert comes.</summary>
    private static async Task HeartbeatAsync(HttpContext http, SemaphoreSlim writeLock, CancellationTokenSource stop, TimeSpan every, TimeProvider clock)
    {
        // Created before the stream subscribes to the feed, so a subscriber seen means the timer is running.
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                if (await StillAllowedAsync(http, stop.Token) is null)
                {
                    await EndAsync(http, writeLock, stop);
                    return;
                }

                await WriteAsync(http, writeLock, ": keep-alive\n\n", stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // stream closed
        }
    }

    /// <summary>The caller as the account stands now, or null when it may no longer watch alerts.</summary>
    private static async Task<Actor?> StillAllowedAsync(HttpContext http, CancellationToken cancellationToken) =>
        await http.RecheckActorAsync(cancellationToken) is { } actor && AlertWatch.MayWatch(actor) ? actor : null;

    /// <summary>Tells the client why the stream ends (so it signs in again rather than reconnecting blindly), then ends it.</summary>
    private static async Task EndAsync(HttpContext http, SemaphoreSlim writeLock, CancellationTokenSource stop)
    {
        try
        {
            await WriteAsync(http, writeLock, "event: end\ndata: {\"reason\":\"access ended: sign in again\"}\n\n", stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static async Task WriteAsync(HttpContext http, SemaphoreSlim writeLock, string text, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
            await http.Response.Body.FlushAsync(cancellationToken);
        }
        finally
        {
            writeLock.Release();
        }
    }
}
