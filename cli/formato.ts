// How the CLI prints money: Italian decimal comma, two decimals; "—" when the text gives no amount.
export const eur = (n: number | null) => (n === null ? "—" : `€ ${n.toFixed(2).replace(".", ",")}`);
