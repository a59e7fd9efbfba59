namespace Tagwatch.Core.Tests;

public sealed class UserMessagesTests
{
    [Fact]
    public void OutOfRange_NamesTheArgumentAndValueOnceWithoutDotNetsLines()
    {
        var error = new ArgumentOutOfRangeException("RadiusMetres", -5.5, "Radius must be from 0 to 50000 metres.");

        Assert.Equal("Radius must be from 0 to 50000 metres. (RadiusMetres: -5.5)", UserMessages.Of(error));
    }

    [Fact]
    public void ArgumentError_NamesTheArgument()
    {
        var error = new ArgumentException("a purpose of at least 10 characters is required", "purpose");

        Assert.Equal("a purpose of at least 10 characters is required (purpose)", UserMessages.Of(error));
    }

    [Fact]
    public void OtherErrors_AndArgumentErrorsWithoutAName_KeepTheirMessage()
    {
        Assert.Equal("Invalid server options:\n  port", UserMessages.Of(new ArgumentException("Invalid server options:\n  port")));
        Assert.Equal("No match has id 9", UserMessages.Of(new KeyNotFoundException("No match has id 9")));
        Assert.Equal("out of range (x)", UserMessages.Of(new ArgumentOutOfRangeException("x", "out of range")));
    }
}
