namespace Tagwatch.Cli.Infrastructure;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything done.</summary>
    public const int Ok = 0;

    /// <summary>The command failed: unreadable input, database error; nothing was written.</summary>
    public const int Failed = 1;

    /// <summary>The command line or a value in it is invalid.</summary>
    public const int Usage = 2;

    /// <summary>The import finished but rejected some rows (the report lists them).</summary>
    public const int RowsRejected = 3;

    /// <summary>A rule refused the request (enrolment refused).</summary>
    public const int Refused = 4;
}
