import { useEffect, useState } from 'react';
import { AutoComplete, Input, Typography } from 'antd';
import { AddressItem, AddressPage, api } from '../api';

/** Where a register entry lies, as the operator reads it back: street · community · grid. */
export function addressPlace(a: AddressItem): string {
  return `${a.street.name} · ${a.community.name} · ${a.grid.name}`;
}

interface AddressSearchProps {
  /** The address text (the form field's value). */
  value?: string;
  onChange?: (text: string) => void;
  /** The register entry chosen, or undefined once the operator types over it. */
  onPick: (address: AddressItem | undefined) => void;
  placeholder?: string;
  testId?: string;
}

/**
 * 标准地址 search for intake: what the operator types is the address text, and the register's matches
 * (GET /addresses, asked ~250 ms after typing stops) are offered below it; choosing one puts its label in
 * the field and hands the entry up, so the case is placed by `addressId`.
 */
export function AddressSearch({ value, onChange, onPick, placeholder, testId }: AddressSearchProps) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<AddressItem[]>([]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setItems([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api
        .get<AddressPage>('/addresses', { q: q.slice(0, 100), limit: 10 })
        .then((page) => current && setItems(page.items))
        .catch(() => current && setItems([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  // AutoComplete reports a chosen option by its value (the id): turn it back into the label here.
  const change = (text: string) => {
    const picked = items.find((a) => a.id === text);
    onChange?.(picked ? picked.label : text);
    onPick(picked);
  };

  return (
    <AutoComplete
      value={value}
      onChange={change}
      onSearch={setQuery}
      filterOption={false}
      popupMatchSelectWidth={false}
      options={items.map((a) => ({
        value: a.id,
        label: (
          <div data-address-id={a.id}>
            <div>{a.label}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {addressPlace(a)}
            </Typography.Text>
          </div>
        ),
      }))}
    >
      <Input placeholder={placeholder} data-testid={testId} />
    </AutoComplete>
  );
}
