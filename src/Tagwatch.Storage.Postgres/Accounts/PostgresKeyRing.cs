using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Tagwatch.Storage.Postgres.Accounts;

/// <summary>
/// The data-protection key ring in the database (table <c>data_protection_keys</c>), shared by every node: a session
/// sealed by one node opens on another, and second-factor seeds encrypted by one are read by all.
/// </summary>
/// <remarks>The keys are as secret as the database that holds them; whoever can read the database can read its data
/// anyway. Keys are only ever added: data protection retires a key by writing a revocation element, never by deleting.</remarks>
public sealed class PostgresKeyRing(PostgresDatabase database) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = database.DataSource.OpenConnection();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
