-- The product catalog sales managers keep: list ARR per account tier, the verticals a product fits and the
-- products it complements (expansion suggestions read it). Replaced as a whole by one PUT, in catalog order.
create table product (
    name                varchar(100)   primary key,
    position            integer        not null,
    list_arr_strategic  numeric(19, 2) not null check (list_arr_strategic >= 0),
    list_arr_enterprise numeric(19, 2) not null check (list_arr_enterprise >= 0),
    list_arr_growth     numeric(19, 2) not null check (list_arr_growth >= 0)
);

create table product_vertical (
    product_name varchar(100) not null references product (name) on delete cascade,
    vertical     varchar(30)  not null,
    primary key (product_name, vertical)
);
create index ix_product_vertical_vertical on product_vertical (vertical);

create table product_complement (
    product_name    varchar(100) not null references product (name) on delete cascade,
    complement_name varchar(100) not null references product (name) on delete cascade,
    primary key (product_name, complement_name),
    check (product_name <> complement_name)
);
