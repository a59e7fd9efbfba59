using System.Diagnostics.CodeAnalysis;

namespace Tagwatch.Application.UseCases;

/// <summary>What a use case returns: its value, or the <see cref="UseCaseFailure"/> that says why not.</summary>
/// <typeparam name="T">The value on success.</typeparam>
public sealed class UseCaseResult<T>
{
    private readonly T? _value;

    private UseCaseResult(T? value, UseCaseFailure? failure)
    {
        _value = value;
        Failure = failure;
    }

    /// <summary>Why the use case failed, or null when it succeeded.</summary>
    public UseCaseFailure? Failure { get; }

    /// <summary>True when the use case did what was asked.</summary>
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The use case failed.</exception>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"The use case failed: {Failure.Message}");

    public static implicit operator UseCaseResult<T>(T value) => new(value, null);

    public static implicit operator UseCaseResult<T>(UseCaseFailure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    /// <summary>Succeeds with <paramref name="value"/>.</summary>
    public static UseCaseResult<T> Ok(T value) => value;

    /// <summary>Fails with <paramref name="failure"/>.</summary>
    public static UseCaseResult<T> Fail(UseCaseFailure failure) => failure;
}
