namespace Tagwatch.Storage;

/// <summary>The database cannot be used: wrong file, unreadable, or from a newer version of the product.</summary>
public sealed class StorageException : Exception
{
    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageException()
    {
    }
}
